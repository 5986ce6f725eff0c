"""Tuple keys d[a, b] += 1 on a defaultdict(int) under critical."""
import time
from collections import defaultdict

cells = [[(0, 1), (1, 0), (2, 2)], [(2, 2), (1, 0), (0, 1), (3, 3)]]
hits = defaultdict(int)
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for x, y in cells[c]:
        hits[x, y] += 1
print(list(hits.items()))
