"""Explicit `shared(...)` clauses and `default(shared)` on `parallel for` and on a
`parallel` region: reads of shared names and item stores into shared objects."""

import numpy as np


def main():
    n = 40
    data = [(i * 7) % 23 for i in range(n)]
    offset = 1000

    out = [0] * n
    # omp parallel for shared(out, data)
    for i in range(n):
        out[i] = data[i] + offset
    print("shared", out)

    s = 0
    table = {i: None for i in range(n)}
    # omp parallel for default(shared) reduction(+:s)
    for i in range(n):
        s += data[i]
        table[i] = data[i] * 2
    print("default(shared)", s, list(table.values()))

    arr = np.zeros(n, dtype=np.int64)
    # omp parallel default(shared) shared(arr)
    # omp for
    for i in range(n):
        arr[i] = data[i] * offset
    print("region", arr.tolist())

    res = [0] * n
    # omp parallel for default(shared) shared(res) private(t)
    for i in range(n):
        t = data[i] * data[i]
        res[i] = t
    print("mixed", res)


if __name__ == "__main__":
    main()
