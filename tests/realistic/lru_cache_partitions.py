"""Integer partitions p(n) by a recursive helper under functools.lru_cache (the cache
is each thread's business: only the values are printed), summed with a reduction and
stored per n."""

from functools import lru_cache


@lru_cache(maxsize=None)
def parts(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return parts(n - k, k) + parts(n, k - 1)


table = [0] * 60
total = 0
# omp parallel for schedule(dynamic) reduction(+:total)
for n in range(60):
    table[n] = parts(n, n)
    total += table[n] % 1000

print(table[:12], table[-1], total)
