"""All-pairs BFS: one BFS per source in a dynamic loop, eccentricities stored by
index, the diameter by a max reduction and the radius by min."""

from collections import deque

N = 150
adj = [sorted({(v + 1) % N, (v * 2) % N, (v * 3 + 1) % N} - {v}) for v in range(N)]
ecc = [0] * N
diameter = 0
radius = N

# omp parallel for schedule(dynamic, 3) reduction(max:diameter) reduction(min:radius)
for s in range(N):
    dist = {s: 0}
    q = deque([s])
    while q:
        u = q.popleft()
        for w in adj[u]:
            if w not in dist:
                dist[w] = dist[u] + 1
                q.append(w)
    ecc[s] = max(dist.values())
    diameter = max(diameter, ecc[s])
    radius = min(radius, ecc[s])

print(diameter, radius, sum(ecc), ecc.index(radius))
