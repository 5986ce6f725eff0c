"""Jacobi iteration for a diagonally dominant system (after OMP4Py's jacobi example):
one parallel region, a `for reduction(+:norm)`, then a `single` that swaps `x` and
`x_new` and resets the norm."""

import math

import numpy as np

n = 40
rng = np.random.default_rng(7)
a = rng.random((n, n))
for i in range(n):
    a[i, i] += a[i].sum()
b = rng.random(n)
x = np.zeros(n)
x_new = np.empty(n)
norm = 0.0
it = 0
max_iter, tol = 200, 1e-9

# omp parallel
while it < max_iter:
    # omp for reduction(+:norm)
    for i in range(n):
        sigma = 0.0
        for j in range(n):
            if j != i:
                sigma += a[i, j] * x[j]
        x_new[i] = (b[i] - sigma) / a[i, i]
        norm += (x_new[i] - x[i]) ** 2
    if math.sqrt(norm) < tol:
        break
    # omp barrier
    # omp single
    x, x_new = x_new, x
    norm = 0.0
    it += 1
    # omp end single

print("iterations", it)
print("residual", round(float(np.linalg.norm(b - a @ x)), 6), round(float(x.sum()), 6))
