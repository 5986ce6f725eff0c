"""Keys added to dicts omppy does not track (held in a list, or four attributes down)
come in python's order: a block's keys take the place of the chunk it runs in, and a
thread that adds keys in one stretch of iterations (``schedule(static)``, no chunk
size) gives them that stretch's place (docs/data-sharing.md, "Dict insertion
order").  The first iterations sleep, so later chunks' blocks come first."""

import time


class Level:
    def __init__(self, below=None):
        self.below = below
        self.table = {}


buckets = [{} for _ in range(3)]
# omp parallel for
for i in range(24):
    buckets[i % 3][f"k{i}"] = i * i
print([list(b) for b in buckets])

groups = [{} for _ in range(2)]
# omp parallel for schedule(dynamic)
for i in range(16):
    if i < 2:
        time.sleep(0.05)
    # omp critical
    groups[i % 2][f"g{i}"] = i
print([list(g) for g in groups])

deep = Level(Level(Level(Level())))
# omp parallel for schedule(static, 1)
for i in range(12):
    if i == 0:
        time.sleep(0.05)
    # omp critical
    deep.below.below.below.table[f"t{i}"] = i
print(list(deep.below.below.below.table))
