"""Top-k by heapq: each thread keeps a local heap over its share of a `for nowait`,
then merges it into the shared heap under critical (the OpenMP pattern of private
partial results combined at the end)."""

import heapq

scores = [((i * 2654435761) % 1000003) / 1000.0 for i in range(3000)]
best = []
K = 8

# omp parallel
if True:
    local = []
    # omp for nowait
    for i in range(len(scores)):
        item = (scores[i], i)
        if len(local) < K:
            heapq.heappush(local, item)
        elif item > local[0]:
            heapq.heapreplace(local, item)
    # omp critical
    for item in local:
        if len(best) < K:
            heapq.heappush(best, item)
        elif item > best[0]:
            heapq.heapreplace(best, item)
    # omp end critical

print(sorted(best, reverse=True))
