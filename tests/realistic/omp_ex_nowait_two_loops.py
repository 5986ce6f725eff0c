"""OpenMP Examples worksharing with `nowait` then a `barrier` and a `single`
reading both results (Example nowait.1 with two arrays), in a function."""

import math


def compute(n):
    a = [0.0] * n
    b = [0.0] * n
    y = [0.0] * n
    z = [0.0] * n
    for i in range(n):
        a[i] = i * 0.5
        b[i] = i * 0.25
    # omp parallel
    # omp for nowait
    for i in range(1, n):
        b[i] = (a[i] + a[i - 1]) / 2.0
    # omp for nowait
    for i in range(n):
        y[i] = math.sqrt(a[i])
    # omp barrier
    # omp for
    for i in range(n):
        z[i] = y[i] + b[i]
    # omp end parallel
    return round(sum(z), 6), round(sum(b), 6)


print(compute(80))
