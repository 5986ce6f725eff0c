"""A ClassVar counter bumped with `type(self).count += 1` under atomic in a method called from the loop, plus per-object results stored by index."""

from dataclasses import dataclass
from typing import ClassVar


@dataclass
class Probe:
    ident: int
    hits: ClassVar[int] = 0
    misses: ClassVar[int] = 0

    def check(self, v):
        if v % 3 == 0:
            # omp atomic
            type(self).hits += 1
            return True
        # omp atomic
        type(self).misses += 1
        return False


probes = [Probe(i) for i in range(25)]
ok = [False] * 25
# omp parallel for
for i in range(25):
    ok[i] = probes[i].check(i * 7)
print(Probe.hits, Probe.misses, sum(ok))
