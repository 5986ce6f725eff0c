"""A validating descriptor (__set_name__, __get__, __set__) storing values in the
instance __dict__; a parallel loop updates the objects; a rejected value raises
ValueError, caught in the loop and counted with a reduction."""


class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value < 0:
            raise ValueError(f"{self.name[1:]} must be >= 0, got {value}")
        setattr(obj, self.name, value)


class Tank:
    level = Positive()
    capacity = Positive()

    def __init__(self, level, capacity):
        self.level = level
        self.capacity = capacity


tanks = [Tank(i % 10, 20) for i in range(100)]
draws = [(i * 7) % 13 for i in range(100)]
rejected = 0

# omp parallel for reduction(+:rejected)
for i in range(len(tanks)):
    try:
        tanks[i].level = tanks[i].level - draws[i]
    except ValueError:
        rejected += 1
        tanks[i].level = 0

print(rejected, sum(t.level for t in tanks), sorted(vars(tanks[3]).items()))
