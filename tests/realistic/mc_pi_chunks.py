"""Monte Carlo estimate of pi with a random.Random seeded per chunk of work (so the
answer does not depend on the team size) and a sum reduction."""

import random

chunks = 64
per_chunk = 500
inside = 0

# omp parallel for reduction(+:inside) schedule(dynamic)
for c in range(chunks):
    rng = random.Random(1000 + c)
    hits = 0
    for _ in range(per_chunk):
        x, y = rng.random(), rng.random()
        if x * x + y * y <= 1.0:
            hits += 1
    inside += hits

print(inside, 4.0 * inside / (chunks * per_chunk))
