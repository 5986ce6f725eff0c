"""Level-synchronous breadth-first search on a generated graph: a `for` over the
frontier, new vertices claimed and appended under critical, a `single` swaps the
frontier and the next list and advances the level."""

N = 400
adj = [sorted({(u * 7 + 3) % N, (u * 11 + 5) % N, (u + 1) % N, (u * u) % N}) for u in range(N)]
dist = [-1] * N
dist[0] = 0
frontier = [0]
nxt = []
level = 0

# omp parallel
while frontier:
    # omp for schedule(dynamic, 4)
    for u in frontier:
        for v in adj[u]:
            # omp critical
            if dist[v] == -1:
                dist[v] = level + 1
                nxt.append(v)
            # omp end critical
    # omp single
    frontier, nxt = sorted(nxt), []
    level += 1
    # omp end single

print(level, max(dist), dist.count(-1), sum(dist))
print(dist[:20])
