"""Validation errors kept as exception objects of a class whose `__init__` takes the
record and a reason (not the message): collected under critical, by a list
reduction, and the last one kept by lastprivate."""


class BadRecord(Exception):
    def __init__(self, index, reason):
        super().__init__(f"record {index}: {reason}")
        self.index = index
        self.reason = reason


class Warned(UserWarning):
    def __init__(self, index, level=1):
        super().__init__(f"warn {index} level {level}")
        self.index = index
        self.level = level


records = [(i, (i * 37) % 101) for i in range(200)]
errors = []
warnings = []
ok = [0] * len(records)
last = None
# omp parallel for reduction(+:warnings) lastprivate(last) schedule(dynamic, 8)
for k in range(len(records)):
    i, v = records[k]
    last = BadRecord(i, "seen")
    try:
        if v % 13 == 0:
            raise BadRecord(i, "multiple of 13")
        if v > 95:
            warnings.append(Warned(i, level=v - 95))
        ok[k] = v
    except BadRecord as e:
        # omp critical
        errors.append(e)
print(sum(ok), sorted((e.index, e.reason, str(e)) for e in errors))
print([(w.index, w.level, str(w)) for w in warnings], last.index, last.args)
