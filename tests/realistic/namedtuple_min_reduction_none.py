"""The closest pair found with `reduction(min:best)` over `typing.NamedTuple` records,
starting from None (no value yet), distances stored by index."""

import math
from typing import NamedTuple


class Hit(NamedTuple):
    dist: float
    i: int
    j: int


pts = [((i * 37) % 101 / 10, (i * 53) % 97 / 10) for i in range(90)]
nearest = [0.0] * len(pts)
best = None
# omp parallel for reduction(min:best) schedule(dynamic, 4)
for i in range(len(pts)):
    mine = None
    for j in range(len(pts)):
        if j != i:
            h = Hit(round(math.dist(pts[i], pts[j]), 9), min(i, j), max(i, j))
            mine = h if mine is None else min(mine, h)
    nearest[i] = mine.dist
    best = mine if best is None else min(best, mine)
print(best, round(sum(nearest), 6))
