"""Parallel label-correcting shortest paths: threads pop from one shared heapq under
critical, relax the edges under the same critical, and stop when the heap is empty and
no thread is still working on a vertex (an `active` count in the critical). `item`
and `done` are bound inside the critical too: private, or they would be shared."""

import heapq

N = 200
graph = {v: [((v * 5 + 1) % N, 1 + v % 7), ((v + 1) % N, 3), ((v * 11) % N, 2 + v % 3)]
         for v in range(N)}
dist = [float("inf")] * N
dist[0] = 0
heap = [(0, 0)]
active = 0

# omp parallel private(item, done)
while True:
    item = None
    done = False
    # omp critical(q)
    if True:
        if heap:
            item = heapq.heappop(heap)
            active += 1
        elif active == 0:
            done = True
    if done:
        break
    if item is None:
        continue
    d, u = item
    # omp critical(q)
    if True:
        if d <= dist[u]:
            for v, w in graph[u]:
                if d + w < dist[v]:
                    dist[v] = d + w
                    heapq.heappush(heap, (d + w, v))
        active -= 1

print(sum(dist), max(dist), dist[:10])
