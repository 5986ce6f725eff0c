"""A master block that sets keys the threads' critical blocks added."""
import time

d = {}
# omp parallel
if True:
    # omp for schedule(static, 1) nowait
    for c in range(4):
        if c == 0:
            time.sleep(0.2)
        # omp critical
        d[c] = "x"
    # omp barrier
    # omp master
    for k in [2, 0, 9]:
        d[k] = "m"
print(list(d.items()))
