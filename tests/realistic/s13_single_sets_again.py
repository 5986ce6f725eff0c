"""A parallel region: a for with critical, then a single that sets keys again."""
import time

d = {}
# omp parallel
if True:
    # omp for schedule(static, 1)
    for c in range(4):
        if c == 0:
            time.sleep(0.2)
        # omp critical
        d["k%d" % c] = c
    # omp single
    for k in ["k3", "k1", "k0", "new"]:
        d[k] = -1
print(list(d.items()))
