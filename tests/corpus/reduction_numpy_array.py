"""Element-wise reductions on numpy arrays (+ - * max min & | ^), 1-D and
2-D, in-place (`acc += row`) and rebinding (`acc = acc + row`) spellings."""

import numpy as np


def main():
    n = 40

    acc = np.zeros(8, dtype=np.int64)
    # omp parallel for reduction(+:acc)
    for i in range(n):
        acc += np.arange(8) * i
    print("+", acc.dtype, acc.tolist())

    grid = np.zeros((3, 4))
    # omp parallel for reduction(+:grid)
    for i in range(n):
        grid = grid + np.full((3, 4), 0.5 * i) + np.eye(3, 4) * i
    print("+ 2-D", grid.dtype, grid.tolist())

    sub = np.full(5, 1000, dtype=np.int64)
    # omp parallel for reduction(-:sub)
    for i in range(n):
        sub -= np.arange(5) * i
    print("-", sub.tolist())

    prod = np.ones(5, dtype=np.int64)
    # omp parallel for reduction(*:prod)
    for i in range(12):
        prod *= (np.arange(5) + i) % 3 + 1
    print("*", prod.tolist())

    mx = np.full(6, -1000)
    # omp parallel for reduction(max:mx)
    for i in range(n):
        mx = np.maximum(mx, (np.arange(6) * i) % 17)
    mn = np.full(6, 1000)
    # omp parallel for reduction(min:mn)
    for i in range(n):
        mn = np.minimum(mn, (np.arange(6) * i) % 13 + 2)
    print("max/min", mx.tolist(), mn.tolist())

    bor = np.zeros(4, dtype=np.uint8)
    band = np.full(4, 0xFF, dtype=np.uint8)
    bxor = np.zeros(4, dtype=np.int64)
    # omp parallel for reduction(|:bor) reduction(&:band) reduction(^:bxor)
    for i in range(n):
        sh = np.array([i % 8, (i * 3) % 8, (i * 5) % 8, 7 - i % 4], dtype=np.uint8)
        bor |= np.left_shift(np.uint8(1), sh)
        band &= ~np.left_shift(np.uint8(1), sh // 2)
        bxor ^= np.arange(4, dtype=np.int64) * i
    print("| & ^", bor.dtype, bor.tolist(), band.dtype, band.tolist(), bxor.tolist())

    allok = np.ones(5, dtype=bool)
    # omp parallel for reduction(&:allok)
    for i in range(n):
        allok &= (np.arange(5) * i) % 7 != 3
    print("& bool", allok.tolist())


if __name__ == "__main__":
    main()
