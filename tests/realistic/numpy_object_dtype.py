"""An object-dtype numpy array holding Python lists and tuples: each iteration
replaces its slot with a new tuple and appends to the list held by another slot
row it owns (a 2-D object array, one row per iteration)."""

import numpy as np

cells = np.empty((10, 3), dtype=object)
for r in range(10):
    cells[r, 0] = []
    cells[r, 1] = None
    cells[r, 2] = 0

# omp parallel for
for r in range(10):
    for k in range(r % 4 + 1):
        cells[r, 0].append(k * r)
    cells[r, 1] = (r, sum(cells[r, 0]))
    cells[r, 2] = len(cells[r, 0])

print(cells[3].tolist(), cells[9].tolist(), int(sum(cells[:, 2])))
