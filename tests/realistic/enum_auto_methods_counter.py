"""An Enum with auto() values and a classify classmethod; a parallel loop classifies
readings, counts per member in a dict under critical, and reduces a severity sum."""

from enum import Enum, auto


class Level(Enum):
    LOW = auto()
    MID = auto()
    HIGH = auto()
    CRIT = auto()

    @classmethod
    def of(cls, v):
        if v < 25:
            return cls.LOW
        if v < 50:
            return cls.MID
        return cls.HIGH if v < 90 else cls.CRIT

    @property
    def weight(self):
        return self.value * self.value


vals = [(i * 37) % 101 for i in range(500)]
counts = {lv: 0 for lv in Level}
severity = 0

# omp parallel for reduction(+:severity)
for i in range(len(vals)):
    lv = Level.of(vals[i])
    severity += lv.weight
    # omp critical
    counts[lv] += 1

print(severity, [(lv.name, n) for lv, n in counts.items()])
