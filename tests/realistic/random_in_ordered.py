"""Draws from the module-level `random` generator inside `ordered`, so that the
sequence is consumed in iteration order, as the sequential program does; the
expensive part of each iteration runs in parallel."""

import random

random.seed(2024)
jitter = [0.0] * 40

# omp parallel for ordered schedule(static, 1)
for i in range(40):
    base = sum(k * k for k in range(i * 20)) % 97
    # omp ordered
    noise = random.random()
    # omp end ordered
    jitter[i] = round(base + noise, 9)

print(jitter[:4], round(sum(jitter), 9), random.randrange(10**6))
