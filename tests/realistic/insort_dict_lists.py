"""Sorted buckets: `bisect.insort` into lists held by a dict (one per bucket), under a
named critical; the buckets' contents do not depend on the insertion order."""

import bisect

buckets = {b: [] for b in range(5)}

# omp parallel for
for i in range(150):
    v = (i * 7919) % 503
    # omp critical(buckets)
    bisect.insort(buckets[v % 5], v)
    # omp end critical

print({b: v[:4] for b, v in buckets.items()}, sum(map(len, buckets.values())))
