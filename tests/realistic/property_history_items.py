"""Objects in a list whose property setters keep a history list and a change count
(`gauges[i].value = ...` several times per iteration), each object set by one
iteration only."""


class Gauge:
    def __init__(self, name):
        self.name = name
        self._value = 0.0
        self.history = []
        self.changes = 0

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        v = round(v, 6)
        if v != self._value:
            self.changes += 1
            self.history.append(v)
        self._value = v


gauges = [Gauge(f"g{i}") for i in range(30)]
# omp parallel for
for i in range(len(gauges)):
    for step in range(i % 4 + 1):
        gauges[i].value = (i * step) % 7 * 0.5

print([(g.name, g.value, g.history) for g in gauges[:5]], sum(g.changes for g in gauges))
print(gauges[-1].history, sum(len(g.history) for g in gauges))
