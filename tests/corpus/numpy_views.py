"""numpy writes that must reach other references to the same memory: through a
view of a larger array, through an alias, on a non-contiguous and a Fortran array."""

import numpy as np


def main():
    n = 20

    base = np.zeros(2 * n, dtype=np.int64)
    view = base[::2]
    # omp parallel for
    for i in range(n):
        view[i] = i + 1
    print("view", base.tolist())

    a = np.zeros(n, dtype=np.int64)
    b = a
    # omp parallel for
    for i in range(n):
        a[i] = 3 * i
    print("alias", b.tolist(), a is b)

    m = np.zeros((4, n), dtype=np.int64)
    col = m[:, 3]
    row = m[2]
    # omp parallel for
    for i in range(4):
        col[i] = i + 100
    # omp parallel for
    for i in range(n):
        row[i] += i
    print("column/row views", m[:, 3].tolist(), m[2].tolist())

    fo = np.zeros((5, 6), order="F")
    # omp parallel for
    for i in range(5):
        fo[i, :] = np.arange(6) + i * 0.25
    print("fortran order", fo.flags["F_CONTIGUOUS"], fo.tolist())

    rec = np.zeros(n, dtype=[("k", np.int32), ("v", np.float64)])
    # omp parallel for
    for i in range(n):
        rec[i] = (i, i * 0.5)
    print("structured", rec["k"].sum(), rec["v"].sum())


if __name__ == "__main__":
    main()
