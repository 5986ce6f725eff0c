"""A scratch numpy array handed to each thread with firstprivate (its own copy,
starting from the master's values), used as a work buffer per iteration; the
master's array is not read after the loop (OpenMP leaves it as it was, python's
in-place writes would change it: docs/data-sharing.md)."""

import numpy as np

scratch = np.linspace(0, 1, 16)
rows = np.zeros((40, 16))
# omp parallel for firstprivate(scratch)
for i in range(40):
    scratch[:] = np.linspace(0, 1, 16) * (i + 1)
    scratch **= 0.5
    rows[i] = scratch
print(rows[3, :3].tolist(), round(float(rows.sum()), 9))
