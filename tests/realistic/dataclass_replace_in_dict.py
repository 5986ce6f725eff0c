"""Frozen dataclass records in a dict keyed by id, each replaced by
`dataclasses.replace` in the iteration that owns the key; the dict's key order kept."""

import dataclasses


@dataclasses.dataclass(frozen=True)
class Rec:
    id: int
    score: float
    tags: tuple = ()


table = {i: Rec(i, float(i % 10)) for i in range(50)}
keys = list(table)
# omp parallel for schedule(dynamic, 4)
for k in range(len(keys)):
    key = keys[k]
    r = table[key]
    table[key] = dataclasses.replace(r, score=r.score * 1.5 + 1, tags=("seen", str(key % 3)))

print(list(table)[:5], table[7], sum(r.score for r in table.values()))
