"""collapse(2) and collapse(3) over rectangular range nests: reductions (also in
sequential order), numpy and nested-list item stores, steps, schedules, lastprivate."""

import numpy as np


def main():
    n, m = 7, 9

    s = 0
    # omp parallel for collapse(2) reduction(+:s)
    for i in range(n):
        for j in range(m):
            s += i * 100 + j
    print("sum", s)

    out = np.zeros((n, m), dtype=np.int64)
    grid = [[None] * m for _ in range(n)]
    # omp parallel for collapse(2)
    for i in range(n):
        for j in range(m):
            out[i, j] = i * j - j
            grid[i][j] = f"{i}{j}"
    print("stores", out.tolist())
    print("grid", grid)

    order = []
    # omp parallel for collapse(2) reduction(+:order)
    for i in range(3):
        for j in range(4):
            order += [(i, j)]
    print("static order", order)

    pts = []
    # omp parallel for collapse(2) schedule(dynamic, 2) reduction(+:pts)
    for i in range(1, 8, 2):
        for j in range(5, 0, -1):
            pts += [(i, j)]
    print("steps", sorted(pts))

    cube = np.zeros((3, 4, 5), dtype=np.int64)
    t = 0
    # omp parallel for collapse(3) reduction(+:t)
    for a in range(3):
        for b in range(4):
            for c in range(5):
                cube[a, b, c] = a * 100 + b * 10 + c
                t += a * b * c
    print("collapse(3)", t, int(cube.sum()), cube[2, 3].tolist())

    li, lj = None, None
    # omp parallel for collapse(2) schedule(guided) lastprivate(li, lj)
    for i in range(5):
        for j in range(6):
            li = i * 2
            lj = j * 3
    print("lastprivate", li, lj)

    inner = [0] * (4 * 3)
    # omp parallel for collapse(2)
    for i in range(4):
        for j in range(3):
            acc = 0
            for k in range(i + j + 1):
                acc += k
            inner[i * 3 + j] = acc
    print("inner loop", inner)

    empty = 5
    # omp parallel for collapse(2) reduction(+:empty)
    for i in range(4):
        for j in range(0):
            empty += 1
    print("empty inner", empty)


if __name__ == "__main__":
    main()
