"""Kernels bound with `functools.partial` (keyword and positional), kept in a list and
chosen by item index; each iteration evaluates one kernel over a window."""

import functools


def gaussian(x, mu, sigma=1.0):
    return 2.718281828 ** (-((x - mu) ** 2) / (2 * sigma * sigma))


def box(x, lo, hi, height=1.0):
    return height if lo <= x <= hi else 0.0


kernels = [
    functools.partial(gaussian, mu=0.0),
    functools.partial(gaussian, mu=1.0, sigma=0.5),
    functools.partial(box, -1.0, 1.0),
    functools.partial(box, 0.0, 2.0, height=0.5),
]
n = 160
out = [0.0] * n
# omp parallel for
for i in range(n):
    k = kernels[i % len(kernels)]
    x = (i - n / 2) / 20
    out[i] = sum(k(x + d / 10) for d in range(-5, 6))
print(round(sum(out), 9), round(max(out), 9))
