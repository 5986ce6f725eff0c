"""Stores and item method calls made inside a nested region reach the outermost
master, whichever thread of the outer team ran the inner region, whether the inner
team is active (OMP_NESTED) or a team of one."""


class Cell:
    def __init__(self):
        self.hits = 0

    def hit(self, by):
        self.hits += by


out = [0] * 6
cells = [Cell() for _ in range(6)]
# omp parallel for num_threads(3)
for i in range(3):
    # omp parallel for num_threads(2)
    for j in range(2):
        out[i * 2 + j] = i * 10 + j
        cells[i * 2 + j].hit(i + j + 1)
print(out, [c.hits for c in cells])

grid = [[0] * 3 for _ in range(4)]
# omp parallel
if True:
    # omp for
    for i in range(4):
        # omp parallel for
        for j in range(3):
            grid[i][j] = (i + 1) * (j + 1)
print(grid)
