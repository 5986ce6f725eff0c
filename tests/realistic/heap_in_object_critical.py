"""A bounded top-k kept by an object (a heap in an attribute, `heapq.heappushpop`
under critical), fed by a parallel scoring loop."""

import heapq


class TopK:
    def __init__(self, k):
        self.k = k
        self.heap = []
        self.offered = 0

    def offer(self, score, item):
        # omp critical(topk)
        self.offered += 1
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, (score, item))
        else:
            heapq.heappushpop(self.heap, (score, item))
        # omp end critical


top = TopK(5)
# omp parallel for schedule(dynamic, 4)
for i in range(200):
    top.offer((i * 7919) % 1009, f"item{i}")

print(top.offered, sorted(top.heap, reverse=True))
