"""A large array made inside a function and filled by a parallel loop in the same
function, then a large array in a list filled through the list."""

import numpy as np


def compute(n):
    out = np.empty(n)
    # omp parallel for
    for k in range(16):
        lo, hi = k * n // 16, (k + 1) * n // 16
        out[lo:hi] = np.sqrt(np.arange(lo, hi, dtype=float))
    return out


def in_list(n):
    holders = [np.zeros(n)]
    # omp parallel for
    for k in range(8):
        lo, hi = k * n // 8, (k + 1) * n // 8
        holders[0][lo:hi] = k
    return holders[0]


a = compute(2_200_000)
b = in_list(2_200_000)
print(round(float(a.sum()), 2), round(float(a[-1]), 6))
print(float(b.sum()), b[::275_000].tolist())
