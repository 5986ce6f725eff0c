# Source: github.com/OpenMP/Examples, data_environment/sources/copyprivate.1.c
"""OpenMP Examples copyprivate.1, ported: `init(a, b)` reads four values in a
`single copyprivate(a, b, x, y)` where x and y are `threadprivate` globals; every
thread then holds the values the single read.  The example's `scanf` reads from a
list of input lines here; each thread reports what it holds, collected under
`critical` and printed as a set."""

import io

x = 0.0
y = 0.0
# omp threadprivate(x, y)

INPUT = io.StringIO("1.5 2.5 3.5 4.5\n")


def init(a, b):
    global x, y
    # omp single copyprivate(a, b, x, y)
    a, b, x, y = (float(t) for t in INPUT.readline().split())
    # omp end single
    return a, b


def main():
    held = []
    # omp parallel
    a, b = init(0.0, 0.0)
    # omp critical
    held.append((a, b, x, y))
    # omp end critical
    # omp end parallel
    print(sorted(set(held)))


main()
