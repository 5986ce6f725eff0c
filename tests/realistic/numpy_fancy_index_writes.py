"""Fancy-indexed writes into a shared numpy array: each iteration owns a set of
positions (a strided index array) and writes them in one statement; boolean-mask
writes on rows follow in a second loop."""

import numpy as np

n = 12
out = np.zeros(n * 10)
mat = np.arange(60, dtype=np.int64).reshape(6, 10)

# omp parallel for
for k in range(n):
    idx = np.arange(k, n * 10, n)
    out[idx] = idx * 0.5 + k

# omp parallel for
for r in range(mat.shape[0]):
    row = mat[r]
    row[row % 3 == 0] = -r
    mat[r, [1, 4]] += 100

print(out[:14].tolist(), float(out.sum()))
print(mat[2].tolist(), int(mat.sum()))
