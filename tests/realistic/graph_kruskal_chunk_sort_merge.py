"""Kruskal's MST: edge chunks are sorted in a parallel loop (one chunk per
iteration, stored by index), merged with heapq.merge in a single, then unioned
sequentially."""

import heapq

N = 300
edges = [(((i * 37) % 101) + (i % 7) / 10, (i * 13) % N, (i * 17 + 5) % N) for i in range(1200)]
CH = 8
chunks = [edges[k::CH] for k in range(CH)]
sorted_chunks = [None] * CH
merged = []

# omp parallel
if True:
    # omp for
    for k in range(CH):
        sorted_chunks[k] = sorted(chunks[k])
    # omp single
    merged = list(heapq.merge(*sorted_chunks))

parent = list(range(N))


def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


weight, used = 0.0, 0
for w, a, b in merged:
    ra, rb = find(a), find(b)
    if ra != rb:
        parent[ra] = rb
        weight += w
        used += 1
print(len(merged), used, round(weight, 6))
