"""Nested parallel regions with omp_set_max_active_levels(2): an outer `parallel
sections` (two matrices), each section an inner `parallel for` over rows writing into
its own list of lists; atomic counter of rows done."""

from omppy import omp_set_max_active_levels

omp_set_max_active_levels(2)
n = 12
A = [[0] * n for _ in range(n)]
B = [[0] * n for _ in range(n)]
rows_done = 0

# omp parallel sections
# omp section
if True:
    # omp parallel for
    for i in range(n):
        A[i] = [i * j for j in range(n)]
        # omp atomic
        rows_done += 1
# omp section
if True:
    # omp parallel for
    for i in range(n):
        for j in range(n):
            B[i][j] = (i + j) % 5
        # omp atomic
        rows_done += 1
# omp end parallel sections

print(sum(map(sum, A)), sum(map(sum, B)), rows_done)
