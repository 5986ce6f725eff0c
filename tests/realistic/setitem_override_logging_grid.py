"""A user class overriding `__setitem__` (row, col) that writes into its own flat list and counts writes per row; the loop stores `grid[i, j] = v` for its own row."""


class Grid:
    def __init__(self, rows, cols):
        self.cols = cols
        self.cells = [0] * (rows * cols)
        self.writes = [0] * rows

    def __setitem__(self, key, value):
        r, c = key
        self.cells[r * self.cols + c] = value
        self.writes[r] += 1

    def __getitem__(self, key):
        r, c = key
        return self.cells[r * self.cols + c]


g = Grid(12, 9)
# omp parallel for
for i in range(12):
    for j in range(9):
        if (i + j) % 4:
            g[i, j] = i * 10 + j
print(sum(g.cells), g.writes, g[11, 8])
