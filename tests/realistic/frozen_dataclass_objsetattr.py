"""Frozen dataclasses cached by object.__setattr__ in __post_init__ and a shared
list of such records rebuilt by index; a per-record tags set filled in the loop."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sample:
    sid: int
    values: tuple
    tags: set = field(default_factory=set)

    def __post_init__(self):
        object.__setattr__(self, "mean", sum(self.values) / len(self.values))


samples = [Sample(i, tuple((i * k) % 11 for k in range(1, 6))) for i in range(40)]
# omp parallel for
for i in range(len(samples)):
    s = samples[i]
    if s.mean > 4:
        s.tags.add("high")
    if s.values[0] % 2:
        s.tags.add("odd")
    object.__setattr__(s, "rank", int(s.mean * 10))

print(sum(len(s.tags) for s in samples), sum(s.rank for s in samples), sorted(samples[7].tags))
