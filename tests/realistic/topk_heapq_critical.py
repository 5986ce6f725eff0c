"""Top-k search keeping a shared heap: scores computed in parallel, `heapq.heappush`
and `heapq.heapreplace` on the shared heap under critical (issue 17's program)."""

import heapq
import math

k = 8
top = []


def score(i):
    return round(math.sin(i * 0.37) * 1000 + (i % 13), 4)


# omp parallel for schedule(dynamic, 10)
for i in range(500):
    s = score(i)
    # omp critical
    if len(top) < k:
        heapq.heappush(top, (s, i))
    elif s > top[0][0]:
        heapq.heapreplace(top, (s, i))
    # omp end critical

print(sorted(top, reverse=True))
