"""stats[city][year] += x on defaultdict(lambda: defaultdict(int))."""
import time
from collections import defaultdict

data = [[("paris", 2020, 1), ("rome", 2021, 2)], [("rome", 2020, 3), ("paris", 2021, 4),
        ("oslo", 2020, 5)], [("paris", 2020, 6)]]
stats = defaultdict(lambda: defaultdict(int))
# omp parallel for schedule(static, 1)
for c in range(3):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for city, year, x in data[c]:
        stats[city][year] += x
print([(k, list(v.items())) for k, v in stats.items()])
