"""d.update({comprehension}) under critical."""
import time

chunks = [["k1", "k2", "k3"], ["k3", "k2", "k1"]]
d = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    d.update({w: w * 2 for w in chunks[c]})
print(list(d.items()))
