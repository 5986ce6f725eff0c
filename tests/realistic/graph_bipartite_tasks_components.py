"""Each connected component is 2-coloured in its own task (created by a single); the
colours go into a shared list (each vertex belongs to one component) and conflicts
into a per-component result list."""

N = 240
adj = [[] for _ in range(N)]
for v in range(N):
    base = (v // 12) * 12
    w = base + (v - base + 1) % 12
    adj[v].append(w)
    adj[w].append(v)
    if v % 24 == 5:
        u = base + (v - base + 2) % 12
        adj[v].append(u)
        adj[u].append(v)

comps = [list(range(b, b + 12)) for b in range(0, N, 12)]
color = [-1] * N
ok = [None] * len(comps)


def colour(c):
    start = comps[c][0]
    color[start] = 0
    stack = [start]
    good = True
    while stack:
        u = stack.pop()
        for w in adj[u]:
            if color[w] == -1:
                color[w] = 1 - color[u]
                stack.append(w)
            elif color[w] == color[u]:
                good = False
    ok[c] = good


# omp parallel
# omp single
for c in range(len(comps)):
    # omp task firstprivate(c)
    colour(c)

print(ok.count(True), ok.count(False), sum(color), color[:14])
