"""A deck shuffled once by a seeded random.Random in a `single`, then dealt in a
parallel loop (every thread must see the shuffled deck after the single's barrier)."""

import random

deck = [f"{r}{s}" for s in "SHDC" for r in "A23456789TJQK"]
hands = [None] * 13

# omp parallel
if True:
    # omp single
    random.Random(2024).shuffle(deck)
    # omp for
    for h in range(13):
        hands[h] = sorted(deck[4 * h : 4 * h + 4])

print(deck[:5])
print(hands[0], hands[12])
