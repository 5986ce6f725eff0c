"""OpenMP Examples doacross.4, ported (github.com/OpenMP/Examples,
synchronization/sources/doacross.4.c): a `for collapse(2) ordered(2)` loop whose
`doacross(source:)` comes before its sinks: A[i][j] is computed, then published, then
C[i][j] waits for the north and west iterations and reads their A values.  Adapted:
the example also reads A[i+1][j] and A[i][j+1], which the later iterations write
with nothing ordering them (a data race the sinks do not cover, and which omppy
cannot see: reads are not compared), so B of the sink iterations stands in."""

N, M = 9, 7
alpha = 1.2


def foo(i, j):
    return (i * 31 + j * 17) % 13 + 0.5


A = [[0.0] * M for _ in range(N)]
B = [[0.0] * M for _ in range(N)]
C = [[0.0] * M for _ in range(N)]
for i in range(N):
    A[i][0] = A[i][M - 1] = 1.0
for j in range(M):
    A[0][j] = A[N - 1][j] = 1.0

# omp parallel
# omp for collapse(2) ordered(2)
for i in range(1, N - 1):
    for j in range(1, M - 1):
        A[i][j] = foo(i, j)
        # omp ordered doacross(source:)
        B[i][j] = alpha * A[i][j]
        # omp ordered doacross(sink: i - 1, j) doacross(sink: i, j - 1)
        C[i][j] = 0.2 * (A[i - 1][j] + A[i][j - 1] + A[i][j]) + 0.1 * (B[i][j])
# omp end parallel

print(round(sum(map(sum, B)), 6), [round(v, 4) for v in C[3]])
