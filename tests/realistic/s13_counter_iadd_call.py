"""A Counter merged with += of a call under critical."""
import time
from collections import Counter

chunks = [["p", "q", "r"], ["r", "q", "p", "s"], ["s", "t"], ["t", "p"]]
total = Counter()
# omp parallel for schedule(static, 1)
for i in range(len(chunks)):
    if i == 0:
        time.sleep(0.3)
    # omp critical
    total += Counter(chunks[i])
print(list(total.items()))
