"""Fancy indexing with two index arrays: each block writes its own (row, col) pairs."""
import numpy as np

g = np.zeros((16, 16), dtype=np.int32)
# omp parallel for
for r in range(16):
    cols = np.arange(r % 4, 16, 4)
    rows = np.full(cols.shape, r)
    g[rows, cols] = r * 10 + cols
print(int(g.sum()), g[3].tolist())
