"""OpenMP Examples parallel.1, ported: each thread works on its own subdomain computed
from its thread number and the team size (any team size gives the same result)."""

from omppy import omp_get_num_threads, omp_get_thread_num

npoints = 1000
x = [0.0] * npoints


def subdomain(arr, istart, ipoints):
    for i in range(ipoints):
        arr[istart + i] = 123.456 + (istart + i) % 7


def sub(arr, npts):
    # omp parallel
    if True:
        iam = omp_get_thread_num()
        nt = omp_get_num_threads()
        ipoints = npts // nt
        istart = iam * ipoints
        if iam == nt - 1:
            ipoints = npts - istart
        subdomain(arr, istart, ipoints)


sub(x, npoints)
print(round(sum(x), 6), x[:3], x[-1])
