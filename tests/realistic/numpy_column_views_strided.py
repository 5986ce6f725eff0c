"""Column-wise normalisation of a C-ordered matrix: each iteration owns a column and
writes it through the strided view `m[:, j]` and the transpose `m.T[j]`."""

import numpy as np

m = (np.arange(30 * 12, dtype=float).reshape(30, 12) * 7) % 23
scale = np.zeros(12)
# omp parallel for
for j in range(12):
    col = m[:, j]
    mu = col.mean()
    col -= mu
    s = np.sqrt((col * col).mean())
    scale[j] = s
    if s > 0:
        m.T[j] /= s
print(np.round(scale, 6).tolist(), round(float(np.abs(m).sum()), 6))
