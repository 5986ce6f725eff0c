"""A user container class with `__setitem__`/`__getitem__` that keeps an internal
list and a dict of dirty cells; the loop stores into it with plain subscript syntax,
each iteration its own cell."""


class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = [0] * (w * h)
        self.dirty = {}

    def __getitem__(self, ij):
        i, j = ij
        return self.cells[i * self.w + j]

    def __setitem__(self, ij, v):
        i, j = ij
        self.cells[i * self.w + j] = v
        self.dirty[i * self.w + j] = True


g = Grid(12, 10)
# omp parallel for collapse(2)
for i in range(10):
    for j in range(12):
        if (i + j) % 3 == 0:
            g[i, j] = i * j + 1

print(sum(g.cells), len(g.dirty), g[3, 6], sorted(g.dirty)[:6])
