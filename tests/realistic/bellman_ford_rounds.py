"""Bellman-Ford by rounds (Jacobi style): every round computes each vertex's new
distance from the old ones in a `parallel for`, `changed = changed or ...` under `reduction(||:changed)` stops it (the form
omppy's hint asks for: a plain `changed = True` is refused)."""

INF = float("inf")
V = 60
edges_in = [[] for _ in range(V)]
for u in range(V):
    for k in (1, 7, 13):
        v = (u * 3 + k) % V
        edges_in[v].append((u, (u * k) % 11 + 1))
dist = [INF] * V
dist[0] = 0
rounds = 0
changed = True
while changed:
    changed = False
    new = dist[:]
    # omp parallel for reduction(||:changed)
    for v in range(V):
        best = dist[v]
        for u, w in edges_in[v]:
            if dist[u] + w < best:
                best = dist[u] + w
        if best < dist[v]:
            new[v] = best
        changed = changed or best < dist[v]
    dist = new
    rounds += 1

print(rounds, dist[:12], sum(d for d in dist if d < INF))
