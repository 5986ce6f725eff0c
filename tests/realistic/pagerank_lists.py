"""PageRank on a small generated web graph in pure Python: per iteration a `for`
computes the new ranks from incoming links, a `reduction(+:delta)` measures the
change; the swap happens in the sequential code between regions."""

N = 150
out_links = [sorted({(p * 3 + 1) % N, (p * 7 + 2) % N, (p // 2)}) for p in range(N)]
in_links = [[] for _ in range(N)]
for p, targets in enumerate(out_links):
    for q in targets:
        in_links[q].append(p)
rank = [1.0 / N] * N
d = 0.85

for it in range(50):
    new = [0.0] * N
    delta = 0.0
    # omp parallel for reduction(+:delta)
    for q in range(N):
        s = 0.0
        for p in in_links[q]:
            s += rank[p] / len(out_links[p])
        new[q] = (1 - d) / N + d * s
        delta += abs(new[q] - rank[q])
    rank = new
    if delta < 1e-10:
        break

top = sorted(range(N), key=lambda q: -rank[q])[:5]
print(it, top, [round(rank[q], 8) for q in top])
