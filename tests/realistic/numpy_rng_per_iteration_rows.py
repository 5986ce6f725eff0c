"""Per-iteration random generators: np.random.default_rng(seed + i) in each iteration
fills row i; row statistics written into out arrays."""

import numpy as np

rows, cols = 64, 200
samples = np.empty((rows, cols))
means = np.empty(rows)
maxes = np.empty(rows)

# omp parallel for schedule(static, 5)
for i in range(rows):
    g = np.random.default_rng(1000 + i)
    samples[i] = g.exponential(scale=1 + i % 4, size=cols)
    means[i] = samples[i].mean()
    maxes[i] = samples[i].max()

print(round(float(means.sum()), 8), round(float(maxes.max()), 8), samples[5, :3].round(6))
