"""A helper receives strided views (`a[::2]`, `a[1::2]`) and a reversed view (`a[::-1]`) and writes by index; the loop hands each iteration its own index."""

import numpy as np


def fill(view, k, value):
    view[k] = value


a = np.zeros(40)
evens = a[::2]
odds = a[1::2]
back = np.zeros(20)
rev = back[::-1]
# omp parallel for
for k in range(20):
    fill(evens, k, k * 1.5)
    fill(odds, k, -k)
    fill(rev, k, k * k)
print(a.sum(), a[:6].tolist(), back[:4].tolist())
