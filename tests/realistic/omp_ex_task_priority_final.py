"""OpenMP Examples task priority/final/mergeable shapes: tasks with `priority(p)`
computing independent cells, and a recursive tree count with `final(depth > 2)
mergeable`, results by index."""

cells = [0] * 32


def heavy(i):
    return sum((i * k) % 13 for k in range(200 + i * 10))


# omp parallel
# omp single
for i in range(32):
    # omp task priority(i % 4) firstprivate(i) shared(cells)
    cells[i] = heavy(i)
# omp end single
# omp end parallel


def count(depth):
    if depth == 6:
        return 1
    left = right = 0
    # omp task shared(left) final(depth > 2) mergeable
    left = count(depth + 1)
    # omp task shared(right) final(depth > 2) mergeable
    right = count(depth + 1)
    # omp taskwait
    return left + right + 1


nodes = 0
# omp parallel
# omp single
nodes = count(0)
# omp end single
# omp end parallel
print(sum(cells), cells[:4], nodes)
