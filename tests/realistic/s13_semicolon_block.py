"""Statements joined with ';' in a critical block."""
import time

chunks = [["e", "f", "g"], ["g", "f", "e"]]
d = {}
n = 0
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        d[w] = d.get(w, 0) + c; n += 1
print(list(d.items()), n)
