"""A user class whose `__iadd__` merges a tuple into itself and returns self; `acc += (k, v)` on the shared object under critical, and a per-iteration private accumulator merged the same way."""


class Acc:
    def __init__(self):
        self.n = 0
        self.sums = {}

    def __iadd__(self, item):
        k, v = item
        self.n += 1
        self.sums[k] = self.sums.get(k, 0) + v
        return self


acc = Acc()
# omp parallel for
for i in range(36):
    local = Acc()
    for j in range(3):
        local += (j, i * j)
    # omp critical
    acc += (i % 4, sum(local.sums.values()))
    # omp end critical
print(acc.n, sorted(acc.sums.items()))
