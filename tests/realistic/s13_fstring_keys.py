"""f-string keys and a format spec under critical."""
import time

pairs = [[("a", 1), ("b", 2)], [("b", 2), ("a", 1), ("c", 3)]]
d = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for name, n in pairs[c]:
        d[f"{name}={n}"] = n
        d[f"{n:03d}"] = name * 2
print(list(d.items()))
