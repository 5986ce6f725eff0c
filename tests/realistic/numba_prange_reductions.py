"""numba's `prange` reduction examples (numba.readthedocs.io, "Automatic
parallelization with @jit", Explicit Parallel Loops: prange_test and
two_d_array_reduction_prod), rewritten as `parallel for` with `reduction`: a sum over
a 1-D array, a product into a whole 2-D array (`result1 *= tmp`, a numpy array
reduction), and the docs' race example made race-free the way they advise (a
reduction over the whole array instead of `y[:] += 1` on a shared slice)."""

import numpy as np


def prange_test(A):
    s = 0
    # Without "parallel=True" in the jit-decorator the prange statement is equivalent to range
    # omp parallel for reduction(+: s)
    for i in range(A.shape[0]):
        s += A[i]
    return s


def two_d_array_reduction_prod(n):
    shp = (13, 17)
    result1 = 2 * np.ones(shp, np.int_)
    tmp = 2 * np.ones_like(result1)

    # omp parallel for reduction(*: result1)
    for i in range(n):
        result1 *= tmp

    return result1


def prange_ok_result_whole_arr(x):
    n = x.shape[0]
    y = np.zeros(4)
    # omp parallel for reduction(+: y)
    for i in range(n):
        y += x[i]
    return y


print(prange_test(np.arange(1000)))
r = two_d_array_reduction_prod(10)
print(r.shape, int(r[0, 0]), int(r.sum()))
print(prange_ok_result_whole_arr(np.arange(60.0).reshape(15, 4)).tolist())
