"""Counting triangles with set intersections of neighbour sets; per-vertex counts
stored by index, the total by a reduction, the vertex with most triangles by a
`max` reduction on a tuple."""

N = 200
nbrs = [set() for _ in range(N)]
for i in range(N):
    for j in ((i * 7 + 1) % N, (i * 13 + 4) % N, (i + 2) % N):
        if i != j:
            nbrs[i].add(j)
            nbrs[j].add(i)
per_vertex = [0] * N
total = 0
busiest = (0, -1)

# omp parallel for reduction(+:total) reduction(max:busiest) schedule(dynamic, 8)
for u in range(N):
    c = 0
    for v in nbrs[u]:
        if v > u:
            c += len(nbrs[u] & nbrs[v] - set(range(v + 1)))
    per_vertex[u] = c
    total += c
    busiest = max(busiest, (c, u))

print(total, busiest, sum(per_vertex), per_vertex[:10])
