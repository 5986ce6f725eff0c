"""`@dataclass(slots=True)` with `__post_init__` deriving fields, objects made in the loop and stored by index, then updated in a second loop through their methods (each iteration its own object)."""

from dataclasses import dataclass, field


@dataclass(slots=True)
class Reading:
    sensor: int
    raw: float
    scaled: float = field(init=False)
    flags: list = field(default_factory=list)

    def __post_init__(self):
        self.scaled = round(self.raw * 1.5 - 2, 3)
        if self.raw < 0:
            self.flags.append("negative")

    def calibrate(self, offset):
        self.scaled = round(self.scaled + offset, 3)
        if self.scaled > 20:
            self.flags.append("high")


N = 24
readings = [None] * N
# omp parallel for
for i in range(N):
    readings[i] = Reading(i, (i * 7 % 13) - 4.5)
# omp parallel for
for i in range(N):
    readings[i].calibrate(i * 0.5)
print([r.scaled for r in readings[:6]], sum(len(r.flags) for r in readings))
print(readings[20])
