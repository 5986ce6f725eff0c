"""del d[k] then d[k] = v in one block."""
import time

chunks = [["a", "b"], ["b", "a", "c"]]
d = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        if w in d:
            del d[w]
        d[w] = len(w)
print(list(d.items()))
