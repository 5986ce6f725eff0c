"""Fancy-index and boolean-mask assignment on a 2-D array's own row: `out[i, idx] = v`, `out[i][mask] = 0`, `np.putmask(row, ...)` through a row view."""

import numpy as np

rng = np.random.default_rng(5)
data = rng.integers(-20, 20, size=(16, 10))
out = np.zeros_like(data)
# omp parallel for
for i in range(16):
    idx = np.argsort(data[i])[:3]
    out[i, idx] = data[i, idx] * 10
    row = out[i]
    mask = data[i] > 15
    row[mask] = -1
    np.putmask(row, data[i] == 0, 99)
print(int(out.sum()), out[3].tolist())
