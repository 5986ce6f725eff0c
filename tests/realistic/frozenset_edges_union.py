"""Undirected edges as frozensets in a shared set (add under critical), triangles
found per vertex stored by index, and a `reduction(|:seen)` of vertex sets."""

n = 24
adj = {v: {(v * 3 + k) % n for k in (1, 5, 7)} - {v} for v in range(n)}
for v in list(adj):
    for w in adj[v]:
        adj[w] = adj.get(w, set()) | {v}
edges = set()
tri = [0] * n
seen = set()

# omp parallel for reduction(|:seen)
for v in range(n):
    local = {frozenset((v, w)) for w in adj[v]}
    # omp critical
    edges |= local
    # omp end critical
    tri[v] = sum(1 for a in adj[v] for b in adj[v] if a < b and b in adj[a])
    seen |= {v} | adj[v]

print(len(edges), sum(tri) // 3, len(seen), sorted(tuple(sorted(e)) for e in edges)[:4])
