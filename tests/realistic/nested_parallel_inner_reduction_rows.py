"""Nested parallelism: an outer parallel for over groups (2 threads) and an inner
parallel for with a reduction over each group's items; group sums stored by index."""

from omppy import omp_set_max_active_levels

omp_set_max_active_levels(2)
groups = [[(g * 31 + k * 7) % 53 for k in range(200 + g * 10)] for g in range(6)]
sums = [0] * len(groups)
maxes = [0] * len(groups)

# omp parallel for num_threads(2)
for g in range(len(groups)):
    s = 0
    mx = 0
    items = groups[g]
    # omp parallel for reduction(+:s) reduction(max:mx) num_threads(2)
    for k in range(len(items)):
        s += items[k]
        mx = max(mx, items[k])
    sums[g] = s
    maxes[g] = mx

print(sums, maxes)
