"""Grouping into a defaultdict(list) under critical, one block per chunk; groups printed
in key order as they come."""
from collections import defaultdict

groups = defaultdict(list)
items = [(i * 13) % 29 for i in range(90)]
# omp parallel for schedule(static, 10)
for c in range(0, 90, 10):
    local = [(v % 6, v) for v in items[c:c + 10]]
    # omp critical
    for k, v in local:
        groups[k].append(v)
print([(k, len(v)) for k, v in groups.items()])
