"""Grouping records by key with collections.defaultdict(list) under critical, and a
defaultdict(int) tally with atomic updates."""

from collections import defaultdict

records = [("k%d" % ((i * 7) % 9), i, (i * 13) % 100) for i in range(270)]
groups = defaultdict(list)
tally = defaultdict(int)

# omp parallel for schedule(dynamic, 9)
for r in range(len(records)):
    key, ident, value = records[r]
    # omp critical
    groups[key].append((ident, value))
    # omp critical
    tally[key] += value

for key in sorted(groups):
    items = sorted(groups[key])
    print(key, len(items), items[:2], tally[key])
