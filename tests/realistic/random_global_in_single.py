"""The module-level random generator seeded once, then drawn inside a `single` in a
loop of rounds: one thread draws each round's parameter, every thread uses it.  In C
the generator's state is shared memory, so the draws form one sequence."""

import random

random.seed(12345)
results = [[0.0] * 3 for _ in range(8)]

# omp parallel
for rnd in range(8):
    # omp single
    p = random.random()
    # omp for
    for k in range(3):
        results[rnd][k] = round(p * (k + 1), 9)

print([r[0] for r in results])
print(round(sum(map(sum, results)), 9))
