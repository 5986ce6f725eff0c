"""Monte Carlo integration with numpy Generators seeded per task
(`np.random.default_rng(seed + task)`), results stored per task into an array."""

import numpy as np

tasks = 32
estimates = np.zeros(tasks)

# omp parallel for
for t in range(tasks):
    rng = np.random.default_rng(12345 + t)
    xs = rng.random(2000)
    estimates[t] = np.exp(-xs * xs).mean()

print(round(float(estimates.mean()), 12), np.round(estimates[:3], 10).tolist())
