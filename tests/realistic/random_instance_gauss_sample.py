"""Bootstrap confidence bounds: each iteration makes `random.Random(seed)` from the
item, draws `choices`, `sample` and `gauss` from a read-only population."""

import random
import statistics

population = [((i * 7919) % 1000) / 10 for i in range(500)]
lo = [0.0] * 60
hi = [0.0] * 60
noise = [0.0] * 60
# omp parallel for schedule(dynamic, 4)
for b in range(60):
    rng = random.Random(1000 + b)
    draws = rng.choices(population, k=50)
    picked = rng.sample(population, 10)
    lo[b] = min(draws) + min(picked)
    hi[b] = max(draws) - max(picked)
    noise[b] = rng.gauss(0.0, 1.0)
print(round(statistics.mean(lo), 6), round(statistics.mean(hi), 6), round(sum(noise), 9))
