"""FIXED (minimal, from numpy_random_global_single): numpy's global generator
(`np.random.seed`, `np.random.randint`) drawn in a `single` each round: a worker
running the single drew from its own stream. python `[175, 196, 537, 502]`, omppy at
2 threads `[175, 245, 196, 955]` (exit 0; it varies). Now shared in synchronisation
blocks like the `random` module's generator (omppy/runtime/streams.py)."""

import numpy as np

np.random.seed(7)
draws = []
# omp parallel
for r in range(4):
    # omp single
    draws.append(int(np.random.randint(0, 1000)))
print(draws)
