"""Nested parallel regions made active by the program (omp_set_max_active_levels):
an outer `parallel for` over blocks, an inner `parallel for` over items, results
stored into a shared list of lists; then a sum reduction at both levels."""

from omppy import omp_set_max_active_levels

omp_set_max_active_levels(2)
blocks = 4
size = 10
out = [[0] * size for _ in range(blocks)]
grand = 0

# omp parallel for reduction(+:grand)
for b in range(blocks):
    part = 0
    # omp parallel for reduction(+:part)
    for k in range(size):
        out[b][k] = b * 100 + k * k
        part += k
    grand += part + b

print(out[1], out[3][-1], sum(map(sum, out)), grand)
