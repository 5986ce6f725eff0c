"""A Counter merged with += of a local Counter under critical; a later chunk first."""
import time
from collections import Counter

chunks = [["k1", "k2", "k3"], ["k3", "k2", "k1", "k0"], ["k0", "k9"]]
total = Counter()
# omp parallel for schedule(static, 1)
for i in range(len(chunks)):
    if i == 0:
        time.sleep(0.3)
    part = Counter(chunks[i])
    # omp critical
    total += part
print(list(total.items()))
