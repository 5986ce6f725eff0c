"""A `while` loop inside `single` (a sequential worklist: breadth-first levels of a small graph) followed by a worksharing loop over the levels it found, in one region."""

edges = {k: [(k * 3 + 1) % 20, (k * 7 + 2) % 20] for k in range(20)}
level = {}
score = [0] * 20
# omp parallel
if True:
    # omp single
    frontier = [0]
    level[0] = 0
    while frontier:
        nxt = []
        for u in frontier:
            for v in edges[u]:
                if v not in level:
                    level[v] = level[u] + 1
                    nxt.append(v)
        frontier = nxt
    # omp end single
    # omp for
    for v in range(20):
        score[v] = level.get(v, -1) * 10 + len(edges[v])
print(sorted(level.items()), score)
