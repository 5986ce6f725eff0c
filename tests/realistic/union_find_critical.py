"""Union-find over an edge list in parallel: every union (with find and path
compression) runs under one critical on the shared parent list; component sizes
are printed sorted."""

N = 300
parent = list(range(N))
edges = [((i * 7) % N, (i * 13 + 5) % N) for i in range(0, 260)]


def find(x):
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:
        parent[x], x = root, parent[x]
    return root


# omp parallel for
for e in range(len(edges)):
    a, b = edges[e]
    # omp critical
    if True:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    # omp end critical

sizes = {}
for v in range(N):
    r = v
    while parent[r] != r:
        r = parent[r]
    sizes[r] = sizes.get(r, 0) + 1
print(len(sizes), sorted(sizes.values(), reverse=True)[:6], min(sizes))
