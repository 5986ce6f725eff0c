"""An ordered block that sets keys again, and a critical before it."""
import time

d = {}
# omp parallel for ordered schedule(static, 1)
for c in range(4):
    if c == 0:
        time.sleep(0.2)
    # omp critical
    d["c%d" % (3 - c)] = d.get("c%d" % (3 - c), 0) + 1
    # omp ordered
    d["c%d" % c] = d.get("c%d" % c, 0) + 10
print(list(d.items()))
