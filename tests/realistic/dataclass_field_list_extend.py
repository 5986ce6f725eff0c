"""Dataclass objects: list fields extended, counters incremented, per object."""
from dataclasses import dataclass, field


@dataclass
class Bucket:
    key: int
    items: list = field(default_factory=list)
    n: int = 0


buckets = [Bucket(k) for k in range(8)]
# omp parallel for
for k in range(8):
    b = buckets[k]
    b.items.extend(range(k, 40, 8))
    b.n += len(b.items)
print([(b.key, b.n, b.items[:2]) for b in buckets])
