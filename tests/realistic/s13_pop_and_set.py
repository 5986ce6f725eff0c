"""d[k] = d.pop(k, 0) + 1: moves a key to the end (an LRU-ish count)."""
import time

chunks = [["a", "b", "c"], ["c", "b", "a", "d"]]
d = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        d[w] = d.pop(w, 0) + 1
print(list(d.items()))
