"""Breadth-first search with a deque frontier owned by the master: each level the
master pops the frontier into a list, the team expands it in parallel into per-node
neighbour lists, and a `single` pushes unseen nodes (a C programmer's queue)."""

from collections import deque

N = 150
adj = [[(i * 3 + 1) % N, (i * 7 + 2) % N, (i + 11) % N] for i in range(N)]
dist = [-1] * N
dist[0] = 0
frontier = deque([0])
level = 0
current = []
found = []

# omp parallel
while True:
    # omp single
    current = list(frontier)
    frontier.clear()
    found = [None] * len(current)
    # omp end single
    if not current:
        break
    # omp for
    for k in range(len(current)):
        found[k] = [v for v in adj[current[k]] if dist[v] < 0]
    # omp single
    level += 1
    for nbrs in found:
        for v in nbrs:
            if dist[v] < 0:
                dist[v] = level
                frontier.append(v)
    # omp end single
# omp end parallel

print(level, max(dist), dist.count(-1), sum(dist))
