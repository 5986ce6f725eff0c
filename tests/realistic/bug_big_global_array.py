"""BUG (minimal, from numpy_global_big): a module-level numpy array larger than 16 MB
written by a helper through its global name: the other threads' writes are lost."""

import numpy as np

buf = np.zeros(2_100_000)


def fill(k):
    buf[k] = 1.0


# omp parallel for
for k in range(4):
    fill(k)
print(buf[:4])
