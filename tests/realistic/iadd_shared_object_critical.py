"""A running statistics object with `__iadd__` that mutates itself: the shared total
is updated with `total += Stats.of(x)` under critical (a user type, not a number)."""


class Stats:
    def __init__(self):
        self.n = 0
        self.sum = 0
        self.max = None

    @classmethod
    def of(cls, x):
        s = cls()
        s.n, s.sum, s.max = 1, x, x
        return s

    def __iadd__(self, o):
        self.n += o.n
        self.sum += o.sum
        if o.max is not None and (self.max is None or o.max > self.max):
            self.max = o.max
        return self


total = Stats()
data = [(i * 7919) % 1000 for i in range(300)]

# omp parallel for
for i in range(len(data)):
    x = data[i] * 2 - 1
    # omp critical
    total += Stats.of(x)
    # omp end critical

print(total.n, total.sum, total.max)
