"""BFS by levels inside one parallel region: the frontier is split with `for`, each
thread collects candidates locally and extends a shared list under critical; a
single rebinds the frontier and the level; the loop ends when it is empty."""

N = 400
adj = [[(v * 3 + 1) % N, (v * 7 + 2) % N, (v // 2)] for v in range(N)]
dist = [-1] * N
dist[0] = 0
frontier = [0]
candidates = []
level = 0

# omp parallel
while True:
    local = []
    # omp for
    for k in range(len(frontier)):
        for w in adj[frontier[k]]:
            if dist[w] == -1:
                local.append(w)
    # omp critical
    candidates.extend(local)
    # omp barrier
    # omp single
    if True:
        level += 1
        nxt = []
        for w in sorted(set(candidates)):
            if dist[w] == -1:
                dist[w] = level
                nxt.append(w)
        frontier = nxt
        candidates.clear()
    if not frontier:
        break

print(level, max(dist), dist.count(-1), sum(dist))
