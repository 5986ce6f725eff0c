"""numpy's legacy global generator (`np.random.seed`, `np.random.randint`) drawn in
a `single` each round, as a program ported from C with a shared generator would:
the draws must be the sequential sequence."""

import numpy as np

np.random.seed(7)
draws = []
acc = [0] * 8

# omp parallel
for r in range(4):
    # omp single
    draws.append(int(np.random.randint(0, 1000)))
    # omp end single
    # omp for
    for i in range(8):
        acc[i] += draws[r] % (i + 1)  # the round's work
print(draws, acc)
