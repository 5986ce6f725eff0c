"""A walrus in the block's condition."""
import time

chunks = [["q1", "q2", "q3"], ["q3", "q2", "q1"]]
d = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        if (old := d.get(w)) is None:
            d[w] = [c]
        else:
            d[w] = old + [c]
print([(k, sorted(v)) for k, v in d.items()])
