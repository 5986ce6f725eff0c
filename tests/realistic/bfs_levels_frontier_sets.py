"""Graph BFS by levels: the frontier a list, each level's next vertices claimed under
critical into a shared dict of parents (the smallest parent wins, so the answer does
not depend on the order), the next frontier sorted."""

V = 300
adj = [sorted({(v * 7 + 1) % V, (v * 13 + 5) % V, (v + 1) % V, (v * v) % V} - {v}) for v in range(V)]
parent = {0: 0}
level = {0: 0}
frontier = [0]
depth = 0
while frontier:
    nxt = set()
    # omp parallel for
    for k in range(len(frontier)):
        u = frontier[k]
        for w in adj[u]:
            if w in level:
                continue
            # omp critical
            if w not in parent or u < parent[w]:
                parent[w] = u
            nxt.add(w)
            # omp end critical
    depth += 1
    for w in nxt:
        level[w] = depth
    frontier = sorted(nxt)

print(depth, len(level), sum(level.values()), [parent[v] for v in range(1, 12)])
