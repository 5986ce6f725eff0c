"""`functools.cache` on a recursive helper (integer partitions with a bound) called from a `parallel for` with a `+` reduction and a `max` reduction over tuples."""

from functools import cache


@cache
def parts(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return parts(n - k, k) + parts(n, k - 1)


total = 0
best = (0, -1)
# omp parallel for reduction(+:total) reduction(max:best) schedule(dynamic)
for n in range(1, 45):
    p = parts(n, n)
    total += p % 1000
    best = max(best, (p % 97, n))
print(total, best)
