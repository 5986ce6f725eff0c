"""numpy's global generator (`np.random.seed`, `np.random.randint`) drawn in `single`
and `ordered`: the team shares its state in synchronisation blocks, as it does the
`random` module's, so a seeded program draws python's numbers (fork backend;
tests/realistic/bug_numpy_random_single.py)."""

import numpy as np

np.random.seed(11)
draws = []
# omp parallel
for r in range(3):
    # omp single
    draws.append(int(np.random.randint(0, 1000)))
    # omp end single
noise = [0.0] * 6
# omp parallel for ordered schedule(static, 1)
for i in range(6):
    base = i * 10
    # omp ordered
    noise[i] = round(base + float(np.random.random()), 9)
    # omp end ordered
print(draws, noise, int(np.random.randint(0, 10**6)))
