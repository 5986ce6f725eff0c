"""Frozen dataclasses as dict keys: grid points mapped to the nearest site, filled
under critical into a shared dict keyed by the site; printed sorted."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Pt:
    x: int
    y: int


sites = [Pt((i * 7) % 20, (i * 11) % 20) for i in range(6)]
owned = {s: [] for s in sites}
# omp parallel for collapse(2)
for x in range(20):
    for y in range(20):
        q = Pt(x, y)
        best = min(sites, key=lambda s: ((s.x - q.x) ** 2 + (s.y - q.y) ** 2, s))
        # omp critical
        owned[best].append(q)
for s in sorted(owned):
    print(s, len(owned[s]), min(owned[s]), max(owned[s]))
