"""OMP4Py's lud example (github.com/citiususc/omp4py, examples/omp4py_examples/lud.py),
ported to comment pragmas: an LU decomposition in one region, each step filling a row
of U and a column of L with `for` loops and the diagonal in `single`, on numpy
arrays and on nested lists."""

import numpy as np


def lud(a, l, u):
    n = len(a)
    # omp parallel
    for k in range(n):
        # omp for
        for j in range(k, n):
            u[k][j] = a[k][j]
            for s in range(k):
                u[k][j] -= l[k][s] * u[s][j]
        # omp for
        for i in range(k + 1, n):
            l[i][k] = a[i][k]
            for s in range(k):
                l[i][k] -= l[i][s] * u[s][k]
            l[i][k] /= u[k][k]
        # omp single
        l[k][k] = 1.0
    # omp end parallel


n = 24
gen = np.random.default_rng(0)
l0 = np.tril(gen.random((n, n)))
np.fill_diagonal(l0, 1)
u0 = np.triu(gen.random((n, n))) + np.eye(n)
a = l0 @ u0
l = np.zeros((n, n))
u = np.zeros((n, n))
lud(a, l, u)
print(np.allclose(l @ u, a), round(float(u.trace()), 6))

al = a.tolist()
ll = [[0.0] * n for _ in range(n)]
ul = [[0.0] * n for _ in range(n)]
lud(al, ll, ul)
print(np.allclose(np.array(ll) @ np.array(ul), a), round(sum(ul[i][i] for i in range(n)), 6))
