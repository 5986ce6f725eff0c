"""A property with a setter that clamps the value and appends to the object's own history list; each iteration sets the property of its own object several times; totals by a reduction."""


class Gauge:
    def __init__(self, name):
        self.name = name
        self._level = 0
        self.history = []

    @property
    def level(self):
        return self._level

    @level.setter
    def level(self, v):
        v = max(0, min(100, v))
        self.history.append(v)
        self._level = v


gauges = [Gauge(f"g{i}") for i in range(18)]
total = 0
# omp parallel for reduction(+:total)
for i in range(18):
    g = gauges[i]
    for step in range(5):
        g.level = g.level + (i * 13 - step * 9)
    total += g.level
print(total, [g.level for g in gauges[:8]], gauges[5].history)
