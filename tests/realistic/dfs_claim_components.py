"""Connected components by a depth-first search from every vertex in parallel: each
search labels its start vertex with the smallest vertex it can reach, and the
component (a frozenset) is added to a shared set under critical."""

N = 200
adj = [[] for _ in range(N)]
for i in range(0, N, 2):
    for j in ((i + 2) % N, (i * 3) % N):
        if j % 2 == 0 and j != i and i < 60:
            adj[i].append(j)
            adj[j].append(i)
for i in range(1, N - 10, 10):
    for j in range(i, i + 7, 2):
        adj[j].append(j + 2)
        adj[j + 2].append(j)
label = [-1] * N
components = set()

# omp parallel for schedule(dynamic)
for s in range(N):
    seen = {s}
    stack = [s]
    while stack:
        u = stack.pop()
        for v in adj[u]:
            if v not in seen:
                seen.add(v)
                stack.append(v)
    label[s] = min(seen)
    # omp critical
    components.add(frozenset(seen))

sizes = sorted((len(c) for c in components), reverse=True)
print(len(components), sum(sizes), sizes[:6], label[:12])
