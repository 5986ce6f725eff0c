"""A list of row views of a 2-D numpy grid made before the region (`rows[i]` is
`grid[i]`); the loop writes each row through its view, then a second loop reads
the grid itself (a stencil over columns), in one region."""

import numpy as np

n = 24
grid = np.zeros((n, n))
rows = [grid[i] for i in range(n)]
colsum = np.zeros(n)

# omp parallel
# omp for
for i in range(n):
    rows[i][:] = np.arange(n) * (i + 1) % 7
# omp for
for j in range(n):
    colsum[j] = grid[:, j].sum() + rows[0][j]
# omp end parallel

print(grid.sum(), colsum.tolist()[:6], rows[3] is not None and rows[3].base is grid)
