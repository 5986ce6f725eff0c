"""Pairs grouped by a tuple key in a `defaultdict(list)` under critical, from a
collapsed loop over two ranges; the groups are printed sorted."""

from collections import defaultdict

groups = defaultdict(list)
# omp parallel for collapse(2) schedule(dynamic, 5)
for a in range(12):
    for b in range(15):
        key = ((a * b) % 4, (a + b) % 3)
        # omp critical
        groups[key].append(a * 100 + b)
print(len(groups))
for key in sorted(groups):
    print(key, len(groups[key]), sum(groups[key]), sorted(groups[key])[:3])
