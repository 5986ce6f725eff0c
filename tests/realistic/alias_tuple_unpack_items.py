"""Aliases made by tuple unpacking and zip: `for i in ...: a, b = pairs[i]` where both
are lists, then `a.append(...)`, `b[0] += ...`; and `left, right = halves[i]` of
numpy arrays written in place."""

import numpy as np

pairs = [([i], [0, i]) for i in range(30)]
halves = [(np.zeros(4), np.ones(4)) for _ in range(30)]

# omp parallel for
for i in range(30):
    a, b = pairs[i]
    a.append(i * i)
    b[0] += 2 * i
    left, right = halves[i]
    left[:] = i
    right *= i

print(pairs[3], pairs[-1], sum(h[0].sum() + h[1].sum() for h in halves))
