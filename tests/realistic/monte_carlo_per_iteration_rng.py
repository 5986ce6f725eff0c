"""Monte Carlo with a private generator per iteration (`random.Random(seed + i)`, the
reproducible way), estimating an integral and a tail probability; per-walker
results stored by index and reduced exactly in integers."""

import random

N = 400
hits = 0
lengths = [0] * N
# omp parallel for reduction(+:hits) schedule(dynamic, 8)
for i in range(N):
    rng = random.Random(12345 + i)
    inside = 0
    for _ in range(200):
        x, y = rng.random(), rng.random()
        if x * x + y * y < 1.0:
            inside += 1
    hits += inside
    steps = 0
    pos = 0
    while abs(pos) < 6 and steps < 500:
        pos += 1 if rng.random() < 0.5 else -1
        steps += 1
    lengths[i] = steps

print(hits, round(4 * hits / (N * 200), 6), sum(lengths), max(lengths))
