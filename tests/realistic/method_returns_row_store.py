"""An item found by a method chain: store into the list a method returns, no sync."""
class Grid:
    def __init__(self, n):
        self.cells = [[0] * n for _ in range(n)]
    def row(self, i):
        return self.cells[i]

g = Grid(10)
# omp parallel for
for i in range(10):
    g.row(i)[i] = i + 100
    g.row(i)[0] += i
print(g.cells)
