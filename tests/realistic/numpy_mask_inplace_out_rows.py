"""Row-wise clipping and scaling of a matrix with boolean masks and in-place ufuncs
(`np.multiply(row, k, out=row)`, `np.sqrt(..., out=...)`) on each row's view."""

import numpy as np

m = np.cos(np.arange(40 * 25).reshape(40, 25) / 7.0) * 3
roots = np.zeros_like(m)
clipped = np.zeros(40, dtype=np.int64)
# omp parallel for
for i in range(40):
    row = m[i]
    neg = row < -1.5
    clipped[i] = int(neg.sum())
    row[neg] = -1.5
    np.multiply(row, 0.5 + i % 3, out=row)
    np.sqrt(np.abs(row), out=roots[i])
print(round(float(m.sum()), 9), int(clipped.sum()), round(float(roots.sum()), 9))
