"""Stirling numbers of the second kind through a `functools.cache` recursive helper,
called from a dynamic loop; a second helper made with `functools.partial`."""

import functools


@functools.cache
def stirling2(n, k):
    if n == k:
        return 1
    if k == 0 or k > n:
        return 0
    return k * stirling2(n - 1, k) + stirling2(n - 1, k - 1)


def bell_upto(n, limit):
    return sum(stirling2(n, k) for k in range(min(n, limit) + 1))


bell = functools.partial(bell_upto, limit=10**6)
capped = functools.partial(bell_upto, limit=3)
rows = [0] * 30
small = [0] * 30
# omp parallel for schedule(dynamic, 2)
for n in range(30):
    rows[n] = bell(n)
    small[n] = capped(n)
print(rows[:10], rows[-1] % 1000003, sum(small) % 1000003)
