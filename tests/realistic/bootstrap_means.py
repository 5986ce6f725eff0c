"""Bootstrap confidence interval: each resample seeded by its index, means stored by
index; sorted afterwards for the percentiles."""

import random
import statistics

data = [((i * 7919) % 101) / 3 for i in range(120)]
B = 200
means = [0.0] * B

# omp parallel for schedule(guided)
for b in range(B):
    rng = random.Random(b)
    sample = [data[rng.randrange(len(data))] for _ in range(len(data))]
    means[b] = statistics.fmean(sample)

ordered = sorted(means)
print(round(ordered[int(0.025 * B)], 8), round(ordered[int(0.975 * B)], 8))
