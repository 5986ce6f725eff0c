"""Declared reductions on a set (union via a function) and on a `Counter` (`+`), in one loop, with a plain `+` reduction beside them."""

from collections import Counter


def union(a, b):
    return a | b


def add_counts(a, b):
    a.update(b)
    return a


# omp declare reduction(unite : set : omp_out = union(omp_out, omp_in)) initializer(omp_priv = set())
# omp declare reduction(tally : Counter : omp_out = add_counts(omp_out, omp_in)) initializer(omp_priv = Counter())
seen = set()
counts = Counter()
n = 0
# omp parallel for reduction(unite : seen) reduction(tally : counts) reduction(+:n)
for i in range(50):
    r = (i * i + 3 * i) % 23
    seen |= {r}
    counts[r % 5] += 1
    n += 1
print(sorted(seen), sorted(counts.items()), n)
