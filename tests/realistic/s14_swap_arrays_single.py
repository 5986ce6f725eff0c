"""Jacobi sweeps on two global numpy arrays swapped in `single` between sweeps (the
classic `tmp = a; a = b; b = tmp` of the C examples)."""
import time

import numpy as np

n = 12
a = np.zeros(n)
a[0], a[-1] = 1.0, 3.0
b = a.copy()

# omp parallel
for sweep in range(4):
    # omp for schedule(static, 1)
    for i in range(1, n - 1):
        if i == 1 and sweep == 0:
            time.sleep(0.2)
        b[i] = 0.5 * (a[i - 1] + a[i + 1])
    # omp single
    a, b = b, a
    # omp end single
print(a.round(5).tolist())
print(b.round(5).tolist())
