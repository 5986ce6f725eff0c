"""OMP4Py's jacobi example (github.com/citiususc/omp4py,
examples/omp4py_examples/jacobi.py, `_omp4py_jacobi`), ported to comment pragmas: one
parallel region around the whole iteration; each sweep is a `for reduction(+:norm)`,
every thread tests the norm, then a barrier and a `single` swaps x and x_new and
starts the next sweep.  Smaller than the example (n=60), seeded as it is."""

import math

import numpy as np


def check_error(A, x, b):
    r = b - np.dot(A, x)

    return np.linalg.norm(r)


def _omp4py_jacobi(a, x, b, max_iter, tol):
    n = x.shape[0]

    x_new = np.empty(n)
    norm = 0.0
    iter = 0

    # omp parallel
    while iter < max_iter:
        # omp for reduction(+:norm)
        for i in range(n):
            sigma = 0.0
            for j in range(i):
                sigma += a[i][j] * x[j]
            for j in range(i + 1, n):
                sigma += a[i][j] * x[j]
            x_new[i] = (b[i] - sigma) / a[i][i]
            norm += (x_new[i] - x[i]) * (x_new[i] - x[i])

        if math.sqrt(norm) < tol:
            break
        # omp barrier
        # omp single
        x, x_new = x_new, x
        norm = 0.0
        iter += 1
        # omp end single
    # omp end parallel

    return iter, norm, x


def jacobi(n=60, max_iter=1000, tol=1e-6, seed=0):
    print(f"jacobi: n={n}, max_iter={max_iter}, tol={tol}, seed={seed}")
    gen = np.random.default_rng(seed)

    a = gen.random((n, n))
    x = np.zeros(n)
    b = gen.random(n)

    for i in range(n):
        a[i][i] += sum(a[i])

    iters, error, x = _omp4py_jacobi(a, x, b, max_iter, tol)

    print("Total Number of Iterations : %d" % iters)
    print("Residual                   : %.15f" % error)
    print("Solution Error             : %.6g" % check_error(a, x, b))


jacobi()
