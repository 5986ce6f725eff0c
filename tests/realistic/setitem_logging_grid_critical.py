"""A grid container whose `__setitem__` validates and logs every write; a loop writes
one cell per iteration under critical (the log is shared)."""


class LoggedGrid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = [0] * (w * h)
        self.log = []
        self.rejected = 0

    def __setitem__(self, key, value):
        x, y = key
        if value < 0:
            self.rejected += 1
            return
        self.cells[y * self.w + x] = value
        self.log.append((x, y))

    def __getitem__(self, key):
        x, y = key
        return self.cells[y * self.w + x]


g = LoggedGrid(12, 10)
# omp parallel for
for k in range(120):
    x, y = k % 12, k // 12
    v = (x * 7 - y * 5) % 11 - 2
    # omp critical
    g[x, y] = v
print(len(g.log), g.rejected, sum(g.cells), sorted(g.log)[:5])
