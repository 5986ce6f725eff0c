"""Stores into a parallel for's own items (for p in ps: p.x = v) are carried back."""

import numpy as np


class P:
    def __init__(self, i):
        self.i = i
        self.x = 0
        self.hits = 0


ps = [P(i) for i in range(8)]
jobs = [{"id": i, "tmp": True} for i in range(8)]
rows = [[0, 0] for _ in range(5)]
arrays = [np.zeros(3) for _ in range(4)]
first = ps[0]
# omp parallel for
for p in ps:
    p.x = p.i * 10
    p.hits += 2
# omp parallel for schedule(dynamic, 3)
for job in jobs:
    job["y"] = job["id"] ** 2
    del job["tmp"]
# omp parallel for
for r, row in enumerate(rows):
    row[0] = r
    row[1:] = [r * r]
# omp parallel for
for a in arrays:
    a[:] = a.size
print([(p.x, p.hits) for p in ps], first is ps[0])
print(jobs)
print(rows, [a.tolist() for a in arrays])
