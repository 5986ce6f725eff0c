"""Writes through `a.flat[k]`, the `.real`/`.imag` views of a complex array and a
same-size `view` of its bits; each iteration owns its elements."""

import numpy as np

z = np.zeros((6, 8), dtype=complex)
grid = np.zeros((6, 8))
bits = np.zeros(48, dtype=np.float64)
ibits = bits.view(np.int64)
# omp parallel for
for k in range(48):
    r, c = divmod(k, 8)
    z.real[r, c] = np.cos(k / 5)
    z.imag[r, c] = np.sin(k / 5)
    grid.flat[k] = k % 7 - 3
    ibits[k] = k * 1024
print(round(float(np.abs(z).sum()), 9), float(grid.sum()), int(ibits.sum()), bits[3] != 0)
