"""Independent random walkers, each seeded by its index; final positions and maximum
excursions stored per walker; the mean computed after."""

import random

walkers = 40
steps = 300
final = [0] * walkers
excursion = [0] * walkers

# omp parallel for schedule(static, 3)
for w in range(walkers):
    rng = random.Random(w * 7 + 1)
    pos = 0
    far = 0
    for _ in range(steps):
        pos += rng.choice((-1, 1))
        far = max(far, abs(pos))
    final[w] = pos
    excursion[w] = far

print(final[:10], sum(final), max(excursion), sum(excursion) / walkers)
