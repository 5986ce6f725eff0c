"""The best and worst candidates (objects of a `total_ordering` class comparing by
score) found by max/min reductions started from None, with the two usual idioms:
`best = v if best is None else max(best, v)` and `if worst is None or v < worst`."""

import functools


@functools.total_ordering
class Candidate:
    def __init__(self, name, score):
        self.name = name
        self.score = score

    def __eq__(self, other):
        return (self.score, self.name) == (other.score, other.name)

    def __lt__(self, other):
        return (self.score, self.name) < (other.score, other.name)

    def __repr__(self):
        return f"{self.name}:{self.score}"


best = None
worst = None
seen = 0
# omp parallel for reduction(max:best) reduction(min:worst) reduction(+:seen)
for i in range(300):
    c = Candidate(f"c{i:03d}", (i * 7919) % 487)
    seen += 1
    best = c if best is None else max(best, c)
    if worst is None or c < worst:
        worst = c
none_best = None
# omp parallel for reduction(max:none_best)
for i in range(0):
    none_best = i if none_best is None else max(none_best, i)
print(best, worst, seen, none_best)
