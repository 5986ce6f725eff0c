"""FIXED (was BUG; minimal, from numpy_global_big): a module-level numpy array larger
than 16 MB written by a helper through its global name. The other threads' writes
were lost; since the merge of main's replication engine the global is rebound to a
staged copy for the region and the program gives python's answer. Kept as a
regression test."""

import numpy as np

buf = np.zeros(2_100_000)


def fill(k):
    buf[k] = 1.0


# omp parallel for
for k in range(4):
    fill(k)
print(buf[:4])
