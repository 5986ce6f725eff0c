"""A dataclass with `field(default_factory=list)` and a method appending to it, called on one shared instance under critical and on per-iteration instances without; `dataclasses.asdict` after."""

from dataclasses import asdict, dataclass, field


@dataclass
class Batch:
    name: str
    items: list = field(default_factory=list)
    weight: float = 0.0

    def add(self, x, w):
        self.items.append(x)
        self.weight = round(self.weight + w, 3)


shared = Batch("all")
sizes = [0] * 20
# omp parallel for
for i in range(20):
    mine = Batch(f"b{i}")
    for k in range(i % 4 + 1):
        mine.add(k, 0.5)
    sizes[i] = len(mine.items)
    # omp critical
    shared.add(i, mine.weight)
    # omp end critical
d = asdict(shared)
print(sorted(d["items"]), d["weight"], sum(sizes))
