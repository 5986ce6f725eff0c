"""Kahn's algorithm level by level: in-degrees decremented under atomic, vertices
that reach zero appended to the next level under critical, the level list swapped in
a single."""

N = 200
succ = [[v for v in ((u * 3 + 1), (u * 5 + 2), (u + 1)) if v < N and v > u] for u in range(N)]
indeg = [0] * N
for u in range(N):
    for v in succ[u]:
        indeg[v] += 1
level_of = [-1] * N
current = [u for u in range(N) if indeg[u] == 0]
upcoming = []
lvl = 0

# omp parallel
while current:
    # omp for
    for u in current:
        level_of[u] = lvl
        for v in succ[u]:
            # omp critical
            if True:
                indeg[v] -= 1
                if indeg[v] == 0:
                    upcoming.append(v)
            # omp end critical
    # omp single
    current, upcoming = sorted(upcoming), []
    lvl += 1
    # omp end single

print(lvl, level_of.count(-1), sum(level_of), level_of[:15])
