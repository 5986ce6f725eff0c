"""Per-iteration seeded random.Random samples."""
import random

samples = [None] * 20
# omp parallel for
for i in range(20):
    rng = random.Random(1000 + i)
    samples[i] = (rng.sample(range(100), 3), round(rng.uniform(0, 1), 6))
print(samples[:3], sum(s[0][0] for s in samples))
