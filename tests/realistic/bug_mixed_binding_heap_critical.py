"""FIXED (session 11): a work queue on a shared heap: `item = None` in the body, then `item = heapq.heappop(heap)` under critical. A name bound outside every synchronisation block and inside one was shared, so a thread entering the block took another thread's item (a TypeError, duplicates, or a hang on the empty heap at 3 threads); it is now each thread's own."""

import heapq

heap = [(i * 7 % 23, i) for i in range(40)]
heapq.heapify(heap)
seen = []

# omp parallel
while True:
    item = None
    # omp critical
    if heap:
        item = heapq.heappop(heap)
    # omp end critical
    if item is None:
        break
    # omp critical
    seen.append(item[1])
    # omp end critical

print(sorted(seen) == list(range(40)), len(seen))
