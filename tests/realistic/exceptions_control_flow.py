"""Exceptions used for control flow inside the loop body: a parser raises ValueError
on bad records, a StopIteration-like custom exception ends a scan early; failures
are recorded under critical, successes stored by index."""


class Done(Exception):
    pass


def parse(text):
    key, _, value = text.partition("=")
    if not key or not value:
        raise ValueError(f"bad record {text!r}")
    return key, int(value)


def first_negative(values):
    try:
        for j, v in enumerate(values):
            if v < 0:
                raise Done(j)
    except Done as found:
        return found.args[0]
    return -1


records = [f"k{i}={(i * 13) % 21 - 5}" if i % 9 else f"broken{i}" for i in range(90)]
parsed = [None] * len(records)
errors = []
neg = [0] * len(records)

# omp parallel for schedule(guided)
for i in range(len(records)):
    try:
        parsed[i] = parse(records[i])
    except ValueError as e:
        # omp critical
        errors.append((i, str(e)))
        # omp end critical
        continue
    neg[i] = first_negative([parsed[i][1], i - 40, 3])

print(sorted(errors)[:3], len(errors), parsed[:3], sum(neg), neg[38:44])
