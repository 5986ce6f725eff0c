"""Generators the program shares, drawn in synchronisation blocks, give python's
numbers: a numpy Generator (its state lives in its bit generator), a random.Random
object, and the random module's own functions, in single, critical and master."""

import random

import numpy as np

rng = np.random.default_rng(11)
own = random.Random(5)
random.seed(9)
picks = []
# omp parallel
for r in range(4):
    # omp single
    picks.append(round(float(rng.random()), 6))
print(picks, round(float(rng.random()), 6))

total = []
# omp parallel for schedule(static, 1)
for i in range(6):
    # omp critical
    total.append(own.randrange(100))
print(sorted(total), own.randrange(100))

seen = []
# omp parallel
for r in range(3):
    # omp master
    seen.append(random.randrange(1000))
    # omp barrier
print(seen, random.randrange(1000))
