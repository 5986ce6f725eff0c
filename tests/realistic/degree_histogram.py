"""Degree statistics of a graph given as an edge list: degrees counted with atomic
updates on a shared list, then a dict histogram built under critical."""

N = 300
edges = [((i * 17) % N, (i * 31 + 7) % N) for i in range(900)]
degree = [0] * N
hist = {}

# omp parallel
if True:
    # omp for
    for e in range(len(edges)):
        a, b = edges[e]
        # omp atomic
        degree[a] += 1
        # omp atomic
        degree[b] += 1
    # omp for
    for v in range(N):
        # omp critical
        hist[degree[v]] = hist.get(degree[v], 0) + 1

print(sum(degree), max(degree), sorted(hist.items()))
