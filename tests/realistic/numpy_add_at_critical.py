"""Scatter-add with `np.add.at` (repeated indices accumulate): each iteration builds
its own contribution and adds it into a shared histogram under critical, as a
C programmer would protect a shared accumulation."""

import numpy as np

bins = np.zeros(16, dtype=np.int64)
weights = np.zeros(16)

# omp parallel for schedule(dynamic, 3)
for t in range(40):
    idx = np.array([(t * k + 3) % 16 for k in range(12)])
    w = np.linspace(0.0, 1.0, 12) * (t % 5)
    # omp critical
    np.add.at(bins, idx, 1)
    np.add.at(weights, idx, w)
    # omp end critical

print(bins.tolist(), np.round(weights, 6).tolist()[:6], int(bins.sum()))
