"""A `functools.lru_cache` helper called from a parallel loop (the results are what
matters; the cache is cleared before a second loop that uses it the same way)."""

import functools


@functools.lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


out = [0] * 40
# omp parallel for schedule(dynamic)
for n in range(40):
    out[n] = partitions(n, n)
print(out[-5:])
partitions.cache_clear()
squares = [0] * 30
# omp parallel for
for n in range(30):
    squares[n] = partitions(n, 2)
print(squares)
