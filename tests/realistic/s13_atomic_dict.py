"""atomic updates of dict items: d[k] += 1."""
import time

keys = ["a", "b", "c", "a", "c", "b", "d", "a"]
d = {"a": 0, "b": 0, "c": 0, "d": 0}
later = {}
# omp parallel for schedule(static, 2)
for i in range(len(keys)):
    if i < 2:
        time.sleep(0.2)
    k = keys[i]
    # omp atomic
    d[k] += 1
print(list(d.items()))
