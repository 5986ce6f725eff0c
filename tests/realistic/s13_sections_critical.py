"""sections, each setting keys under critical; the first section slow."""
import time

d = {}
# omp parallel sections
# omp section
if True:
    time.sleep(0.3)
    # omp critical
    for k in ["a", "b", "c"]:
        d[k] = d.get(k, 0) + 1
# omp section
if True:
    # omp critical
    for k in ["c", "b", "a", "d"]:
        d[k] = d.get(k, 0) + 1
# omp end parallel sections
print(list(d.items()))
