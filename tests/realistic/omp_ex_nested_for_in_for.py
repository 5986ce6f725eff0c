# Source: github.com/OpenMP/Examples, program_control/sources/nested_loop.1.c and nested_loop.2.c
"""OpenMP Examples nested_loop.1 and nested_loop.2, ported: `good_nesting` -- a
`for` whose body opens a nested `parallel shared(i, n)` with its own `for` -- and
`good_nesting2` -- a `for` that calls `work1(i, n)`, which has a nested `parallel
for`.  The example's empty `work(i, j)` stores i*j + 1 into a module-level table."""

table = None


def work(i, j):
    table[i][j] = i * j + 1


def good_nesting(n):
    # omp parallel default(shared)
    # omp for
    for i in range(n):
        # omp parallel shared(i, n)
        # omp for
        for j in range(n):
            work(i, j)
        # omp end parallel
    # omp end parallel


def work1(i, n):
    # omp parallel for default(shared)
    for j in range(n):
        work(i, j)


def good_nesting2(n):
    # omp parallel default(shared)
    # omp for
    for i in range(n):
        work1(i, n)
    # omp end parallel


n = 12
table = [[0] * n for _ in range(n)]
good_nesting(n)
first = sum(map(sum, table))
table = [[0] * n for _ in range(n)]
good_nesting2(n)
print(first, sum(map(sum, table)), table[n - 1][:4])
