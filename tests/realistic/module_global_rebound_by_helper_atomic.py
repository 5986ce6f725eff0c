"""Another module's globals rebound by its own functions (`global count; count += n`, `best = value`) called from the loop under critical, then read through the module after the region and in a second loop."""

import rlib.s11_stats as stats

# omp parallel for
for i in range(40):
    # omp critical
    stats.bump(i % 3)
    stats.offer((i * 37) % 101)
    # omp end critical

limit = stats.count
flags = [0] * 10
# omp parallel for
for i in range(10):
    flags[i] = 1 if i * 5 < limit else 0
print(stats.count, stats.best, flags)
