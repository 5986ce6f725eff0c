"""Breadth-first search building a parent map (dict) with set frontiers, swapped by
the master thread followed by an explicit barrier."""

N = 300
adj = {u: [(u * 3 + 1) % N, (u * 5 + 2) % N, (u + 7) % N] for u in range(N)}
parent = {0: 0}
frontier = {0}
nxt = set()
depth = 0

# omp parallel
while frontier:
    # omp for
    for u in sorted(frontier):
        for v in adj[u]:
            # omp critical
            if v not in parent or (parent[v] > u and v in nxt):
                parent[v] = u
                nxt.add(v)
            # omp end critical
    # omp master
    frontier, nxt = nxt, set()
    depth += 1
    # omp end master
    # omp barrier

print(depth, len(parent), sum(parent.values()))
print(sorted(parent.items())[:10])
