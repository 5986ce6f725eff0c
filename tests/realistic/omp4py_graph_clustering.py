"""OMP4Py's graphc example without networkx: the local clustering coefficient of every
vertex of a generated graph, `clustering[i] = ...` in a `parallel for`."""

N = 150
adj = [set() for _ in range(N)]
for u in range(N):
    for v in ((u * 7 + 1) % N, (u * 11 + 3) % N, (u + 1) % N, (u + 2) % N):
        if u != v:
            adj[u].add(v)
            adj[v].add(u)


def clustering(G, i):
    nb = G[i]
    k = len(nb)
    if k < 2:
        return 0.0
    links = sum(1 for a in nb for b in nb if a < b and b in G[a])
    return 2.0 * links / (k * (k - 1))


coeff = [0.0] * N
# omp parallel for schedule(guided)
for i in range(len(coeff)):
    coeff[i] = clustering(adj, i)

print(round(sum(coeff), 10), [round(c, 6) for c in coeff[:6]])
