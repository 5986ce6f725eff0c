"""defaultdict of dataclasses: each iteration's key, fields updated."""
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Stat:
    n: int = 0
    xs: list = field(default_factory=list)
stats = defaultdict(Stat)
for k in range(8):
    stats[k]
# omp parallel for
for k in range(8):
    st = stats[k]
    for j in range(k + 1):
        st.n += 1
        st.xs.append(j * k)
print(sorted((k, v.n, sum(v.xs)) for k, v in stats.items()))
