"""Scattering blocks of values through a permutation with fancy-index writes
(`out[perm[lo:hi]] = ...`): the index sets of the iterations are disjoint."""

import numpy as np

n = 1000
perm = (np.arange(n) * 389) % n
src = np.sin(np.arange(n) / 10.0)
out = np.full(n, -1.0)
hits = np.zeros(n, dtype=np.int64)
# omp parallel for schedule(dynamic, 2)
for b in range(20):
    lo, hi = b * 50, (b + 1) * 50
    idx = perm[lo:hi]
    out[idx] = src[lo:hi] * 2
    hits[idx] += 1
print(round(float(out.sum()), 9), int(hits.min()), int(hits.max()), float(out[389]))
