"""A module-level list of column views of a global matrix, written by a helper that
takes the column index; the matrix itself is read after the loop."""

import numpy as np

M = np.zeros((10, 8))
COLS = [M[:, j] for j in range(8)]


def fill(j):
    COLS[j][:] = np.arange(10) * (j + 1)


# omp parallel for
for j in range(8):
    fill(j)

print(M.sum(), M[3].tolist())
