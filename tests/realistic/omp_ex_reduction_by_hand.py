# Source: github.com/OpenMP/Examples, data_environment/sources/reduction.2.c
"""OpenMP Examples reduction.2, ported: the reduction written by hand -- each
thread's private partials (`a_p` sum, `b_p` xor, `c_p` min, `d_p` max) from an `omp
for`, then combined into the shared a, b, c, d inside `critical`.  Data from a fixed
formula (the example is a function with no caller); floats are sums of small
integers, so any order gives the same sum."""

import math

INT_MAX = 2**31 - 1


def reduction2(x, y, n):
    a = 0.0
    b = 0
    c = y[0]
    d = x[0]
    # omp parallel shared(a, b, c, d, x, y, n) private(a_p, b_p, c_p, d_p)
    a_p = 0.0
    b_p = 0
    c_p = INT_MAX
    d_p = -math.inf
    # omp for private(i)
    for i in range(n):
        a_p += x[i]
        b_p ^= y[i]
        if c_p > y[i]:
            c_p = y[i]
        d_p = max(d_p, x[i])
    # omp critical
    a += a_p
    b ^= b_p
    if c > c_p:
        c = c_p
    d = max(d, d_p)
    # omp end critical
    # omp end parallel
    return a, b, c, d


n = 1000
x = [float((i * 37) % 101) for i in range(n)]
y = [(i * 7919) % 1013 - 500 for i in range(n)]
print(reduction2(x, y, n))
