"""OpenMP Examples task_dep.5, ported (github.com/OpenMP/Examples,
tasking/sources/task_dep.5.c): a blocked matrix product, one task per (i, j, k)
block triple, `depend(in: A-block, B-block) depend(inout: C-block)`.

Adapted: Python's `depend` takes an element, not an array section, so the first
element of each block (A[i][k], B[k][j], C[i][j]) stands for it; the tasks of one C
block are ordered as in the example, those of different blocks write different
elements of the same rows."""

N = 24


def matmul_depend(bs, A, B, C):
    for i in range(0, N, bs):
        for j in range(0, N, bs):
            for k in range(0, N, bs):
                # omp task private(ii, jj, kk) depend(in: A[i][k], B[k][j]) depend(inout: C[i][j])
                for ii in range(i, i + bs):
                    for jj in range(j, j + bs):
                        for kk in range(k, k + bs):
                            C[ii][jj] = C[ii][jj] + A[ii][kk] * B[kk][jj]
                # omp end task


def main():
    A = [[(i * 7 + j * 3) % 11 - 5.0 for j in range(N)] for i in range(N)]
    B = [[(i * 5 - j * 2) % 13 * 0.5 for j in range(N)] for i in range(N)]
    C = [[0.0] * N for _ in range(N)]
    # omp parallel
    # omp single
    matmul_depend(8, A, B, C)
    # omp end single
    # omp end parallel
    want = [[sum(A[i][k] * B[k][j] for k in range(N)) for j in range(N)] for i in range(N)]
    print(want == C, sum(map(sum, C)), C[0][:4], C[N - 1][N - 4:])


main()
