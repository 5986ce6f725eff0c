"""A module-level Counter merged in a helper through `global` and `+=` of a
comprehension-made Counter, and update(**kwargs) of totals."""
import time
from collections import Counter

TOTAL = Counter()
META = {}


def merge(words, tag):
    global TOTAL
    # omp critical
    TOTAL += Counter(w for w in words if w)
    META.update(last_chunk=True, **{f"seen_{tag % 2}": True})
    # omp end critical


chunks = [["x", "y", "", "z"], ["z", "y", "x"], ["w", "x"]]
# omp parallel for schedule(dynamic)
for i in range(len(chunks)):
    if i == 0:
        time.sleep(0.3)
    merge(chunks[i], i)
print(list(TOTAL.items()), list(META))
