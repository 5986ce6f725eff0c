"""`a[i, :] = ...` on a 2-D array, `a.flat[k] = ...` on a second array (each iteration its own flat indices), and a transposed view `t = m.T` written column by column."""

import numpy as np

n, m = 10, 8
a = np.zeros((n, m))
f = np.zeros((n, m), dtype=int)
mt = np.zeros((m, n))
t = mt.T
# omp parallel for
for i in range(n):
    a[i, :] = np.linspace(i, i + 1, m)
    for j in range(m):
        f.flat[i * m + j] = (i * j) % 7
    t[i] = a[i] * 2
print(round(float(a.sum()), 4), int(f.sum()), round(float(mt.sum()), 4), mt[:, 3].round(2).tolist()[:3])
