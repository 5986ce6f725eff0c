"""Boolean mask stores on each row of a shared 2-D array."""
import numpy as np

a = np.arange(200, dtype=float).reshape(10, 20) % 13
# omp parallel for
for r in range(10):
    row = a[r]
    row[row > 6] = -1.0
    a[r, a[r] == 0] = 100.0
print(a.sum(), (a == -1).sum())
