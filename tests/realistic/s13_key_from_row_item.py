"""d[row[0]] = row[1] over rows under critical."""
import time

rows = [[("x", 1), ("y", 2), ("z", 3)], [("z", 4), ("y", 5), ("x", 6), ("w", 7)]]
d = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for row in rows[c]:
        d[row[0]] = d.get(row[0], 0) + row[1]
print(list(d.items()))
