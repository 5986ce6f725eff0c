"""Writes through a transposed view and a reshaped view: iteration j fills t[j] (a
column of the base array), then a second loop normalises 2x2 blocks of a reshaped
4-d view."""

import numpy as np

base = np.zeros((8, 12))
t = base.T

# omp parallel for
for j in range(t.shape[0]):
    t[j] = np.arange(8) * (j + 1)

blocks = base.reshape(4, 2, 6, 2)

# omp parallel for collapse(2)
for bi in range(4):
    for bj in range(6):
        blk = blocks[bi, :, bj, :]
        s = blk.sum()
        if s:
            blk /= s

print(round(float(base.sum()), 6), base[0, :4].round(4).tolist(), base.flags["C_CONTIGUOUS"])
