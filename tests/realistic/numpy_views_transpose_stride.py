"""Writes through views the loop makes: columns through `a.T` (rows of the
transpose), every other element through `b[::2]`, blocks through `c.reshape`."""

import numpy as np

n = 24
a = np.zeros((n, n))
b = np.zeros(2 * n)
c = np.zeros(n * 6)

at = a.T
ev = b[::2]
c2 = c.reshape(n, 6)

# omp parallel for
for j in range(n):
    at[j, :] = np.arange(n) * j
    ev[j] = j * 1.5
    c2[j] += j
    c2[j, j % 6] = -1

print(float(a.sum()), a[3, 5], float(b.sum()), b[:5].tolist(), float(c.sum()), c[:8].tolist())
