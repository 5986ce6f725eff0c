"""heapq: pushes under critical, then pops in single."""
import heapq

heap = []
top = []
# omp parallel
if True:
    # omp for
    for i in range(50):
        v = (i * 13) % 47
        # omp critical
        heapq.heappush(heap, (v, i))
    # omp single
    for _ in range(5):
        top.append(heapq.heappop(heap))
    # omp end single
# omp end parallel
print(top, len(heap))
