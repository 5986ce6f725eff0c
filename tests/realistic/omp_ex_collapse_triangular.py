"""OpenMP Examples collapse.4, ported (github.com/OpenMP/Examples,
parallel_execution/sources/collapse.4.c): a non-rectangular `parallel for
collapse(2)` (j from i to M) filling a correlation matrix b and its mirror b[j][i];
row i of a holds N samples, their mean at a[i][N] and their standard deviation at
a[i][N+1] (calc_a, external in the example, is written here with a fixed generator)."""

import math

N = 20
M = 10


def calc_a(n, m, a):
    seed = 12345
    for i in range(m):
        for k in range(n):
            seed = (seed * 1103515245 + 12345) % 2**31
            a[i][k] = (seed % 1000) / 100.0 + i
        mean = sum(a[i][:n]) / n
        a[i][n] = mean
        a[i][n + 1] = math.sqrt(sum((a[i][k] - mean) ** 2 for k in range(n)) / (n - 1))


def main():
    a = [[0.0] * (N + 2) for _ in range(M)]
    b = [[0.0] * M for _ in range(M)]
    calc_a(N, M, a)
    # omp parallel for collapse(2)
    for i in range(M):
        for j in range(i, M):
            temp = 0.0
            for k in range(N):
                temp += (a[i][k] - a[i][N]) * (a[j][k] - a[j][N])
            b[i][j] = temp / (a[i][N + 1] * a[j][N + 1] * (N - 1))
            b[j][i] = b[i][j]
    print("b[0][0] = %f, b[M-1][M-1] = %f" % (b[0][0], b[M - 1][M - 1]))
    print("b[0][M-1] = %f, b[M-1][0] = %f" % (b[0][M - 1], b[M - 1][0]))
    print(round(sum(map(sum, b)), 9))


main()
