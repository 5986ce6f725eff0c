"""`for w in ws: d[w] += 1` on one line under critical, defaultdict(int)."""
import time
from collections import defaultdict

parts = [["x", "y", "z"], ["z", "y", "x"], ["w"]]
d = defaultdict(int)
# omp parallel for schedule(static, 1)
for i in range(3):
    if i == 0:
        time.sleep(0.3)
    ws = parts[i]
    # omp critical
    for w in ws: d[w] += 1
print(list(d.items()))
