"""A class-level cache dict filled by a classmethod factory (`Unit.get(name)`)
under critical: instances are interned by name."""


class Unit:
    _cache = {}

    def __init__(self, name):
        self.name = name
        self.factor = len(name) * 10

    @classmethod
    def get(cls, name):
        if name not in cls._cache:
            cls._cache[name] = cls(name)
        return cls._cache[name]


names = ["m", "cm", "km", "mm", "inch", "foot"]
values = [0] * 60
# omp parallel for
for i in range(60):
    # omp critical
    u = Unit.get(names[i % 6])
    # omp end critical
    values[i] = u.factor * i

print(sum(values), sorted(Unit._cache))
