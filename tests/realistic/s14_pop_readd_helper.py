"""An LRU-ish helper moves a key to the end with pop and re-add (`d[k] = d.pop(k)`);
the final order is python's recency order."""
import time

recent = {}


def touch(k):
    if k in recent:
        recent[k] = recent.pop(k)
    else:
        recent[k] = 0


chunks = [["a", "b", "c", "a"], ["d", "b"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for k in chunks[c]:
        # omp critical
        touch(k)
print(list(recent))
