"""Rank queries on a sorted shared list with bisect (read-only in the loop), and an
`insort` into per-bucket sorted lists under a named critical."""

import bisect

data = sorted((i * 7919) % 10007 for i in range(500))
queries = [(i * 104729) % 10007 for i in range(200)]
ranks = [0] * len(queries)
buckets = [[] for _ in range(10)]

# omp parallel for
for q in range(len(queries)):
    x = queries[q]
    ranks[q] = bisect.bisect_left(data, x)
    # omp critical(buckets)
    bisect.insort(buckets[x % 10], x)
    # omp end critical

print(ranks[:8], sum(ranks), [len(b) for b in buckets], buckets[3][:4])
