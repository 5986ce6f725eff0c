"""Items of a shared list are user objects whose `__iadd__` changes them in place and returns self: `cells[i] += v` by index (each iteration its own item), and `cells[k] += 1` under critical for a shared one."""


class Cell:
    __slots__ = ("total", "count")

    def __init__(self):
        self.total = 0
        self.count = 0

    def __iadd__(self, v):
        self.total += v
        self.count += 1
        return self


cells = [Cell() for _ in range(12)]
hub = [Cell()]
# omp parallel for
for i in range(12):
    for k in range(i % 5):
        cells[i] += k * i
    # omp critical
    hub[0] += i
    # omp end critical
print([c.total for c in cells], sum(c.count for c in cells), hub[0].total, hub[0].count)
