"""A breadth-first search in one parallel region: appends to the next frontier under
critical, then a single (or master and a barrier) swaps frontier and next. Lists,
dicts and sets as frontiers; the level counter and the result list are shared."""

N = 300
adj = [[(u * 7 + 1) % N, (u * 13 + 5) % N, (u + 1) % N] for u in range(N)]


def bfs_lists():
    level_of = [-1] * N
    level_of[0] = 0
    frontier = [0]
    nxt = []
    level = 0
    # omp parallel
    while frontier:
        # omp for
        for u in frontier:
            for v in adj[u]:
                # omp critical
                if level_of[v] == -1:
                    level_of[v] = level + 1
                    nxt.append(v)
                # omp end critical
        # omp single
        frontier, nxt = sorted(nxt), []
        level += 1
        # omp end single
    return level, level_of


def bfs_sets_master():
    dist = {0: 0}
    frontier = {0}
    nxt = set()
    level = 0
    # omp parallel
    while frontier:
        # omp for
        for u in sorted(frontier):
            for v in adj[u]:
                # omp critical
                if v not in dist:
                    dist[v] = level + 1
                    nxt.add(v)
                # omp end critical
        # omp master
        frontier, nxt = nxt, set()
        level += 1
        # omp end master
        # omp barrier
    return level, [dist[u] for u in sorted(dist)]


def bfs_dicts():
    parent = {0: None}
    frontier = {0: 0}
    nxt = {}
    rounds = 0
    # omp parallel
    while frontier:
        # omp for schedule(dynamic, 4)
        for u in sorted(frontier):
            for v in adj[u]:
                # omp critical
                if v not in parent:
                    parent[v] = u
                    nxt[v] = frontier[u] + 1
                # omp end critical
        # omp single
        frontier, nxt = nxt, {}
        rounds += 1
        # omp end single
    return rounds, sorted(parent.items(), key=lambda kv: kv[0])[:12], len(parent)


print(bfs_lists())
print(bfs_sets_master())
print(bfs_dicts())
