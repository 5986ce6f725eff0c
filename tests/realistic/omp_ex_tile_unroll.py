# Source: github.com/OpenMP/Examples, loop_transformations/sources/tile.1.c and unroll.1.c
"""OpenMP Examples tile.1 and unroll.1, ported: `parallel for` over a loop nest
under `tile sizes(5, 16)` (func1) and the example's hand-tiled equivalent (func2)
fill the same 100x128 table; then an `unroll partial(4)` loop inside a `parallel
for`.  Both tables are compared and summed."""


def func1(A):
    # omp parallel for
    # omp tile sizes(5,16)
    for i in range(100):
        for j in range(128):
            A[i][j] = i * 1000 + j


def func2(A):
    # omp parallel for
    for i1 in range(0, 100, 5):
        for j1 in range(0, 128, 16):
            for i2 in range(i1, i1 + 5):
                for j2 in range(j1, j1 + 16):
                    A[i2][j2] = i2 * 1000 + j2


def unrolled(A, B):
    # omp parallel for
    for i in range(100):
        # omp unroll partial(4)
        for j in range(128):
            B[i][j] = A[i][j] % 7


A1 = [[0] * 128 for _ in range(100)]
A2 = [[0] * 128 for _ in range(100)]
func1(A1)
func2(A2)
B = [[0] * 128 for _ in range(100)]
unrolled(A1, B)
print(A1 == A2, sum(map(sum, A1)), sum(map(sum, B)))
