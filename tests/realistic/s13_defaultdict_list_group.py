"""Records grouped into a defaultdict(list) under critical, one block per chunk."""
import time
from collections import defaultdict

records = [("red", 1), ("blue", 2), ("green", 3), ("green", 4), ("blue", 5), ("red", 6)]
chunks = [records[:3], records[3:]]
groups = defaultdict(list)
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for color, n in chunks[c]:
        groups[color].append(n)
print([(k, sorted(v)) for k, v in groups.items()])
