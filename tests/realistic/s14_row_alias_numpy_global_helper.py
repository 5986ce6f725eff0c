"""A module-global numpy array written by a helper, row by row, through a row view
(`r = grid[i]`), and a second global written by index in the helper."""
import time

import numpy as np

grid = np.zeros((6, 5))
norms = np.zeros(6)


def smooth_row(i):
    r = grid[i]
    r[:] = np.arange(5) + i
    r[1:-1] = (r[:-2] + r[1:-1] + r[2:]) / 3.0
    norms[i] = float(np.sqrt((r * r).sum()))


# omp parallel for schedule(static, 1)
for i in range(6):
    if i == 0:
        time.sleep(0.2)
    smooth_row(i)
print(grid.round(3).tolist())
print(norms.round(4).tolist())
