"""Dijkstra's algorithm on a dense graph with the two inner steps parallel: a
`reduction(min:...)` on a (distance, vertex) tuple picks the next vertex, and a
`for` relaxes its edges by storing into the shared distance list."""

N = 120
INF = float("inf")
w = [[((i * 31 + j * 17) % 23) + 1 if i != j else 0 for j in range(N)] for i in range(N)]
dist = [INF] * N
done = [False] * N
dist[0] = 0

for _ in range(N):
    best = (INF, -1)
    # omp parallel for reduction(min:best)
    for v in range(N):
        if not done[v] and dist[v] < INF:
            best = min(best, (dist[v], v))
    d, u = best
    if u < 0:
        break
    done[u] = True
    # omp parallel for
    for v in range(N):
        if not done[v] and d + w[u][v] < dist[v]:
            dist[v] = d + w[u][v]

print(sum(dist), max(dist), dist[:12])
