"""OpenMP Examples doacross.3, ported (github.com/OpenMP/Examples,
synchronization/sources/doacross.3.c, `work_wrong`): a 2-D doacross loop whose
`doacross(sink: i+1, j)` and `sink: i, j+1` name LATER iterations, which the example
shows as wrong (they wait for iterations that wait for them).  There is no source, so
nothing is ever posted: in OpenMP this loop waits forever (or is non-conforming);
omppy must say so, never give an answer or hang."""

N = 8


def work_wrong(p):
    # omp parallel for ordered(2) private(i, j, k)
    for i in range(1, N - 1):
        for j in range(1, N - 1):
            # omp ordered doacross(sink: i-1, j) doacross(sink: i+1, j) doacross(sink: i, j-1) doacross(sink: i, j+1)
            for k in range(1, N - 1):
                tmp1 = p[i - 1][j][k] + p[i + 1][j][k]
                tmp2 = p[i][j - 1][k] + p[i][j + 1][k]
                tmp3 = p[i][j][k - 1] + p[i][j][k + 1]
                p[i][j][k] = (tmp1 + tmp2 + tmp3) / 6.0


p = [[[float(i + j + k) for k in range(N)] for j in range(N)] for i in range(N)]
work_wrong(p)
print(round(sum(p[i][j][k] for i in range(N) for j in range(N) for k in range(N)), 6))
