"""FIXED (minimal, from setitem_overload_grid): a class whose `__setitem__` stores
into a list it holds; `g[i] = v` looked like a change of `g` itself, which did not
change (its list did): python `[0, 1, 2, 3]`, omppy at 2 threads `[0, 1, 0, 0]`
(exit 0). Now a store runs the module's `__setitem__` (or a property's setter) in
the translator's analysis."""


class Store:
    def __init__(self, n):
        self.cells = [0] * n

    def __setitem__(self, i, v):
        self.cells[i] = v


g = Store(4)
# omp parallel for
for i in range(4):
    g[i] = i
print(g.cells)
