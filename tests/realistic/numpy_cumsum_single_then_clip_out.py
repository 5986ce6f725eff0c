"""`np.cumsum` of a shared array in a `single`, rebinding a name the next loop reads; then `np.clip(..., out=row)` and `np.round(..., out=)` into each iteration's own row."""

import numpy as np

vals = np.arange(1, 41, dtype=float) / 3
table = np.zeros((8, 5))
cum = None
# omp parallel
if True:
    # omp single
    cum = np.cumsum(vals)
    # omp end single
    # omp for
    for r in range(8):
        np.clip(cum[r * 5:(r + 1) * 5], 10, 150, out=table[r])
        np.round(table[r], 2, out=table[r])
print(float(cum[-1]), table.sum().round(2), table[1].tolist())
