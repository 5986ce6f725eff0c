"""Random numbers with a seed per iteration (random.Random(seed), and numpy's
default_rng(seed)): the usual way to make a parallel Monte Carlo reproducible."""

import random

import numpy as np

n = 40
walks = [0] * n
means = [0.0] * n

# omp parallel for schedule(guided)
for i in range(n):
    r = random.Random(1000 + i)
    pos = 0
    for _ in range(100):
        pos += r.choice((-1, 1))
    walks[i] = pos
    g = np.random.default_rng(i)
    means[i] = round(float(g.normal(size=50).mean()), 8)

print(walks[:10], sum(walks), round(sum(means), 6))
