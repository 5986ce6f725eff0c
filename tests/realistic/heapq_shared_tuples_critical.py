"""Candidates pushed into one shared heap under critical (heapq.heappush with tuples);
after the loop the ten best are popped in order."""

import heapq

heap = []
# omp parallel for schedule(dynamic, 3)
for i in range(400):
    score = ((i * 2654435761) % 1000003) / 1000003
    if score < 0.1:
        # omp critical(heap)
        heapq.heappush(heap, (round(score, 6), i))
best = [heapq.heappop(heap) for _ in range(10)]
print(best, len(heap))
