"""Greedy load balancing: `min(buckets, key=len).append(w)` under critical. Session 6
found it refused by the deep net (the translator did not follow the item `min` hands
back); an item picked by `min`/`max`/`next` is now an alias one level below."""
buckets = [[] for _ in range(4)]
sizes = [(i * 37) % 11 + 1 for i in range(40)]
# omp parallel for schedule(static)
for i in range(40):
    w = sizes[i] * 2
    # omp critical
    min(buckets, key=len).append(w)
print(sorted(len(b) for b in buckets), sum(map(sum, buckets)))
