"""In-place operators on views: `blk = grid[lo:hi]; blk += 1; blk *= 2` per block in a
`parallel for`, and `np.cumsum(row, out=row)` on each row; the C programmer's blocked
update of one shared array."""

import numpy as np

grid = np.arange(200, dtype=np.float64).reshape(20, 10)
blocks = 5
step = 20 // blocks

# omp parallel for
for b in range(blocks):
    blk = grid[b * step : (b + 1) * step]
    blk += 1
    blk *= 2
    blk[:, 0] -= b

# omp parallel for
for r in range(20):
    row = grid[r]
    np.cumsum(row, out=row)

print(float(grid.sum()), grid[0, :4].tolist(), grid[-1, -1])
