"""OpenMP Examples task_dep.2 and task_dep.3, ported: an anti dependence (the reader
runs before the writer) and an output dependence (the second write wins), in a
single thread of a region, then a blocked matrix product with depend on blocks."""

result = {}

# omp parallel
if True:
    # omp single
    x = 1
    # omp task shared(x) depend(in: x)
    result["anti"] = x * 10
    # omp end task
    # omp task shared(x) depend(out: x)
    x = 2
    # omp end task
    # omp taskwait
    result["x_after"] = x
    y = 0
    # omp task shared(y) depend(out: y)
    y = 1
    # omp end task
    # omp task shared(y) depend(out: y)
    y = 2
    # omp end task
    # omp taskwait
    result["output"] = y
    # omp end single

N, BS = 8, 4
A = [[(i + j) % 5 for j in range(N)] for i in range(N)]
B = [[(i * j) % 3 for j in range(N)] for i in range(N)]
C = [[0] * N for _ in range(N)]


def block_mult(i0, j0, k0):
    for i in range(i0, i0 + BS):
        for j in range(j0, j0 + BS):
            for k in range(k0, k0 + BS):
                C[i][j] += A[i][k] * B[k][j]


# omp parallel
# omp single
for i in range(0, N, BS):
    for j in range(0, N, BS):
        for k in range(0, N, BS):
            # omp task depend(in: A[i][k], B[k][j]) depend(inout: C[i][j])
            block_mult(i, j, k)
# omp end single
# omp end parallel

print(result)
print(C[0], sum(map(sum, C)))
