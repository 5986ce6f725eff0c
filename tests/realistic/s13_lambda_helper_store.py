"""A store made by a lambda the block calls (the same value again): noted through the
lambda's twin (key_twins.py)."""
import time

chunks = [["a", "b", "c"], ["c", "b", "a"]]
d = {}
put = lambda k, v: d.__setitem__(k, v)
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        put(w, 1)
print(list(d.items()))
