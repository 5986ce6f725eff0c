"""Degree statistics: in-degrees counted with a user-declared Counter reduction, and the
highest-degree vertex found with a (degree, -vertex) tuple max reduction."""

from collections import Counter

# omp declare reduction(merge : Counter : omp_out.update(omp_in)) initializer(omp_priv = Counter())

N = 300
out_edges = [[(v * k + 7) % N for k in range(1, 1 + v % 5)] for v in range(N)]
indeg = Counter()
best = (-1, 0)

# omp parallel for reduction(merge:indeg)
for v in range(N):
    for w in out_edges[v]:
        indeg[w] += 1

# omp parallel for reduction(max:best)
for v in range(N):
    best = max(best, (indeg[v], -v))

hist = Counter(indeg[v] for v in range(N))
print(sorted(hist.items()), best, indeg.most_common(3))
