"""A closure over a numpy array (a histogram made by a factory), called from the
loop under critical; the array is only reachable through the closure."""

import numpy as np


def make_hist(bins):
    counts = np.zeros(bins, dtype=np.int64)

    def add(v):
        # omp critical
        counts[v % bins] += 1
        # omp end critical

    def result():
        return counts.tolist()

    return add, result


add, result = make_hist(7)
# omp parallel for
for i in range(200):
    add((i * i) % 31)

print(result())
