"""seen[k] = True (the same object set again) under critical."""
import time

chunks = [["a", "b", "c"], ["c", "b", "a", "d"]]
seen = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        seen[w] = True
print(list(seen))
