"""Writes into shared numpy arrays from loop bodies: `out[i] = ...`, 2-D
`out[i, j] = ...`, row slices, augmented item stores, writes in a called function,
and arrays written in a `parallel` region by `for` loops (read after the barrier)."""

import numpy as np


def fill(arr, i):
    arr[i] = i * 11


def main():
    n, m = 24, 6

    a = np.zeros(n, dtype=np.int64)
    f = np.zeros(n)
    # omp parallel for
    for i in range(n):
        a[i] = i * i
        f[i] = i / 4
    print("1-D", a.tolist(), f.tolist())

    g = np.zeros((n, m), dtype=np.int32)
    # omp parallel for schedule(dynamic, 3)
    for i in range(n):
        for j in range(m):
            g[i, j] = i * 10 + j
    print("2-D", int(g.sum()), g[5].tolist(), g[-1].tolist())

    h = np.zeros((n, m))
    # omp parallel for
    for i in range(n):
        row = np.arange(m) * 0.5 + i
        h[i, :] = row
        h[i, ::2] += 100
    print("slices", h.sum(), h[3].tolist())

    c = np.ones(n, dtype=np.int64)
    # omp parallel for schedule(guided)
    for i in range(n):
        c[i] += i
        c[i] *= 2
    print("augmented", c.tolist())

    d = np.zeros(n, dtype=np.int64)
    # omp parallel for
    for i in range(n):
        fill(d, i)
    print("in a function", d.tolist())

    x = np.zeros(n, dtype=np.int64)
    y = np.zeros(n, dtype=np.int64)
    z = np.zeros(n, dtype=np.int64)
    # omp parallel
    # omp for
    for i in range(n):
        x[i] = i + 1
    # omp for schedule(static, 1)
    for i in range(n):
        y[i] = x[n - 1 - i] * 2
    # omp for schedule(dynamic)
    for i in range(n):
        z[i] = y[i] + x[i]
    # omp end parallel
    print("region", x.tolist(), y.tolist(), z.tolist())

    before = np.arange(5)
    # omp parallel for
    for i in range(0):
        before[i] = -1
    print("untouched", before.tolist())


if __name__ == "__main__":
    main()
