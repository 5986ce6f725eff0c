"""A bounded heap of the k smallest distances (`heappush`/`heappushpop` under a named critical) and a sorted list of thresholds kept with `bisect.insort` under another; both read after the region."""

import bisect
import heapq

K = 6
points = [((i * 37) % 101 - 50, (i * 53) % 97 - 48) for i in range(60)]
heap = []
marks = []
# omp parallel for
for i in range(len(points)):
    x, y = points[i]
    d = x * x + y * y
    # omp critical(heap)
    if len(heap) < K:
        heapq.heappush(heap, (-d, i))
    else:
        heapq.heappushpop(heap, (-d, i))
    # omp end critical
    if d % 9 == 0:
        # omp critical(marks)
        bisect.insort(marks, d)
        # omp end critical
print(sorted((-d, i) for d, i in heap), marks[:8], len(marks))
