"""Counters counted per chunk, merged into a total with update under critical."""
import time
from collections import Counter

lines = ["b a c", "a d e", "e d c b a", "x y a", "y x b"]
total = Counter()
# omp parallel for schedule(static, 1)
for i in range(len(lines)):
    if i == 0:
        time.sleep(0.3)
    local = Counter(lines[i].split())
    # omp critical
    total.update(local)
print(list(total.items()))
print(total.most_common(3))
