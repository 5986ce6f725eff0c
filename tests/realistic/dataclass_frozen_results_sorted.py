"""Frozen, ordered dataclasses made per iteration and appended to a shared list under
critical; the list is sorted (order=True) and deduplicated through a set (hashable)."""

from dataclasses import astuple, dataclass, field


@dataclass(frozen=True, order=True)
class Result:
    score: float
    name: str
    tags: tuple = field(default=(), compare=False)


results = []

# omp parallel for schedule(dynamic, 7)
for i in range(200):
    r = Result(round(((i * 31) % 50) / 7, 3), f"run{i % 60}", tags=("a",) * (i % 3))
    # omp critical
    results.append(r)

results.sort()
uniq = set(results)
print(len(results), len(uniq), astuple(results[0]), results[-1])
