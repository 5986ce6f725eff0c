"""Flags set on the line of a `continue` (`seen[w] = True; continue`) and a
one-element tuple key (`d[w.upper(),]`) under critical, a later chunk first."""
import time

chunks = [["a", "b", "c", "x"], ["c", "b", "a", "x"]]
d = {}
seen = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        d[w.upper(),] = 1
        if w == "x": seen[w] = False; continue
        seen[w] = True; continue
print(list(d.items()), list(seen.items()))
