"""Reductions of arrays of 1 MB and more, whose partials the workers keep in shared
memory slots (forkjoin.reduction_slots): a zero identity (+ - | ^) starts from the
fresh slot as it is, the others (* max) from a filled one; in-place and rebinding
spellings, several dtypes, a Fortran-ordered array, a 2-D one."""

import numpy as np


def main():
    n = 140_000  # 1.1 MB of float64
    items = 7

    acc = np.zeros(n)
    # omp parallel for reduction(+:acc)
    for k in range(items):
        acc += np.sin(np.arange(n) * 0.001 + k)
    print("+ float64", round(float(acc.sum()), 6), round(float(acc[12345]), 9))

    sub = np.full(n, 100, dtype=np.int64)
    # omp parallel for reduction(-:sub)
    for k in range(items):
        sub -= np.arange(n, dtype=np.int64) % (k + 2)
    print("- int64", int(sub.sum()), int(sub[-1]))

    bits = np.zeros(n, dtype=np.int64)
    flips = np.zeros(n, dtype=np.int64)
    # omp parallel for reduction(|:bits) reduction(^:flips)
    for k in range(items):
        bits |= np.left_shift(1, (np.arange(n) + k) % 40)
        flips ^= np.arange(n, dtype=np.int64) * (k + 1)
    print("| ^ int64", int(bits.sum() % 1_000_003), int(flips.sum() % 1_000_003))

    waves = np.zeros(n // 2, dtype=np.complex128)
    # omp parallel for reduction(+:waves)
    for k in range(items):
        waves = waves + np.exp(1j * (np.arange(n // 2) * 0.01 + k))
    print("+ complex rebound", round(float(abs(waves.sum())), 6))

    grid = np.zeros((400, 700), order="F", dtype=np.float32)
    # omp parallel for reduction(+:grid)
    for k in range(items):
        grid += np.float32(k) * np.ones((400, 700), dtype=np.float32)
    print("+ float32 F-order 2-D", float(grid.sum()), grid.shape)

    prod = np.ones(n)
    # omp parallel for reduction(*:prod)
    for k in range(items):
        prod *= 1.0 + (np.arange(n) % (k + 3)) * 1e-3
    print("* float64", round(float(prod.sum()), 6))

    top = np.full(n, -1.0)
    # omp parallel for reduction(max:top)
    for k in range(items):
        top = np.maximum(top, np.cos(np.arange(n) * 0.002 * (k + 1)))
    print("max float64", round(float(top.sum()), 6))


main()
