"""d[k] += [x] and d[k] = d.get(k, []) + [x] under critical."""
import time

chunks = [["a", "b", "c"], ["c", "b", "a", "e"]]
d = {"b": []}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        if w in d:
            d[w] += [c]
        else:
            d[w] = [c]
print([(k, sorted(v)) for k, v in d.items()])
