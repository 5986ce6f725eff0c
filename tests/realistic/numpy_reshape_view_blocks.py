"""A flat numpy buffer seen as a 3-D block view (`reshape`), each iteration fills one
block through the view and reads back through the flat array."""

import numpy as np

flat = np.zeros(6 * 8 * 5)
cube = flat.reshape(6, 8, 5)
norms = np.zeros(6)
# omp parallel for
for k in range(6):
    blk = cube[k]
    blk[:, :] = np.arange(40).reshape(8, 5) * (k + 1) % 7
    blk[::2, 1] += 0.5
    norms[k] = float(np.abs(flat[k * 40:(k + 1) * 40]).sum())
print(norms.tolist(), float(flat.sum()), flat[43], cube[5, 7, 4])
