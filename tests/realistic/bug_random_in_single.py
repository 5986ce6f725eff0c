"""BUG (minimal, from random_global_in_single): the module-level random generator,
seeded once, drawn in a `single` in each round of a loop: the draws are not the
sequential sequence (each thread continues its own copy of the generator)."""

import random

random.seed(1)
draws = []
# omp parallel
for r in range(4):
    # omp single
    draws.append(random.randrange(1000))
print(draws)
