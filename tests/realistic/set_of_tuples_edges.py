"""Building an undirected edge set (a set of sorted tuples) from neighbourhood scans:
each iteration finds its node's edges and adds them under critical; a second loop
computes degrees from the finished set."""

n = 60
edges = set()
deg = [0] * n

# omp parallel for
for u in range(n):
    mine = {tuple(sorted((u, (u * k + 3) % n))) for k in (2, 5, 7) if (u * k + 3) % n != u}
    # omp critical
    edges |= mine
    # omp end critical

edge_list = sorted(edges)
# omp parallel for
for u in range(n):
    deg[u] = sum(1 for a, b in edge_list if a == u or b == u)

print(len(edges), edge_list[:5], deg[:10], sum(deg))
