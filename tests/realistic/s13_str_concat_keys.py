"""keys built by concatenation and % under critical."""
import time

chunks = [["a", "b"], ["b", "a", "c"]]
d = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        d["w:" + w] = 1
        d["n:%s" % w] = 2
print(list(d.items()))
