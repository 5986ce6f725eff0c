"""random.Random seeded per iteration drawing weighted choices; a Counter per
iteration merged into the shared one under critical."""

import random
from collections import Counter

items = ["red", "green", "blue", "yellow"]
weights = [5, 3, 1, 1]
total = Counter()
samples = [None] * 100

# omp parallel for
for i in range(len(samples)):
    rng = random.Random(i * 7919)
    draw = rng.choices(items, weights=weights, k=20)
    samples[i] = rng.sample(range(100), 3)
    c = Counter(draw)
    # omp critical
    total += c

print(sorted(total.items()), samples[:3])
