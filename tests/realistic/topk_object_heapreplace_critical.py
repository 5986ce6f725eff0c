"""A priority queue object: heappush under critical through a method."""
import heapq


class TopK:
    def __init__(self, k):
        self.k = k
        self.heap = []
    def offer(self, score, item):
        if len(self.heap) < self.k:
            heapq.heappush(self.heap, (score, item))
        elif score > self.heap[0][0]:
            heapq.heapreplace(self.heap, (score, item))

top = TopK(5)
# omp parallel for
for i in range(300):
    s = (i * 7919) % 1009
    # omp critical
    top.offer(s, i)
print(sorted(top.heap, reverse=True))
