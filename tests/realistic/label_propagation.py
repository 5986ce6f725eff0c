"""Connected components by label propagation: each sweep computes new labels from the
old ones in a `for`, a shared `changed` flag set under critical, a `single` swaps the
label lists and decides whether to go on."""

N = 240
edges = [(i, (i * 5 + 3) % N) for i in range(0, N, 3)] + [(i, i + 1) for i in range(0, N - 1, 4)]
adj = [[] for _ in range(N)]
for a, b in edges:
    adj[a].append(b)
    adj[b].append(a)
labels = list(range(N))
new_labels = list(range(N))
changed = True
sweeps = 0

# omp parallel
while changed:
    # omp barrier
    # omp single
    changed = False
    # omp for
    for u in range(N):
        best = labels[u]
        for v in adj[u]:
            if labels[v] < best:
                best = labels[v]
        new_labels[u] = best
        if best != labels[u]:
            # omp critical
            changed = True
    # omp single
    labels, new_labels = new_labels, labels
    sweeps += 1
    # omp end single

sizes = {}
for lab in labels:
    sizes[lab] = sizes.get(lab, 0) + 1
print(sweeps, len(sizes), sorted(sizes.values(), reverse=True)[:8])
