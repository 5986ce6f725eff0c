"""ufuncs with `out=` into strided views: `np.multiply(a[i, ::2], 2, out=b[i, ::2])`, `np.sqrt(..., out=c[::3][k])` on a view of every third row, `np.add(x, y, out=z[i])` on a 1-D row."""

import numpy as np

a = np.arange(120, dtype=float).reshape(12, 10)
b = np.zeros_like(a)
c = np.zeros_like(a)
z = np.zeros((12, 10))
every3 = c[::3]
# omp parallel for
for i in range(12):
    np.multiply(a[i, ::2], 2, out=b[i, ::2])
    np.add(a[i], b[i], out=z[i])
    if i % 3 == 0:
        np.sqrt(a[i], out=every3[i // 3])
print(b.sum(), z.sum(), round(float(c.sum()), 4), c[3, :3].round(3).tolist())
