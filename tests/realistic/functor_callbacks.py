"""Callable objects (functors with `__call__`) used as callbacks: a recorder that
keeps what it is given and a running statistic, called under critical from a
parallel loop; a per-item validator object called without synchronisation, each
validator by its own iteration."""


class Recorder:
    def __init__(self):
        self.seen = []
        self.calls = 0
        self.largest = None

    def __call__(self, key, value):
        self.seen.append((key, value))
        self.calls += 1
        if self.largest is None or value > self.largest[1]:
            self.largest = (key, value)


class Validator:
    def __init__(self, limit):
        self.limit = limit
        self.failures = []

    def __call__(self, x):
        if x > self.limit:
            self.failures.append(x)
        return x <= self.limit


record = Recorder()
checks = [Validator(50 + 10 * k) for k in range(8)]
ok = [0] * 8

# omp parallel for schedule(dynamic, 3)
for i in range(120):
    v = (i * 7919) % 173
    # omp critical
    record(i, v)
    # omp end critical

# omp parallel for
for k in range(8):
    ok[k] = sum(checks[k](x) for x in range(k * 20, k * 20 + 30))

print(record.calls, record.largest, sorted(record.seen)[:3], ok)
print([len(c.failures) for c in checks])
