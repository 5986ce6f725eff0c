"""`random.Random(seed + i)` per iteration: a shuffled deck, `sample` and `gauss` draws, results stored by index and a `min` reduction; the global generator untouched."""

import random

SEED = 1234
N = 20
hands = [None] * N
best = 10**9
# omp parallel for reduction(min:best)
for i in range(N):
    rng = random.Random(SEED + i)
    deck = list(range(52))
    rng.shuffle(deck)
    hand = sorted(rng.sample(deck, 5))
    noise = round(rng.gauss(0, 1), 6)
    hands[i] = (hand, noise)
    best = min(best, sum(hand))
print(best, hands[0], hands[N - 1][0])
