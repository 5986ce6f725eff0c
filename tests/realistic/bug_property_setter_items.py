"""FIXED (minimal, from property_history_items): a property setter that appends to a
list the object holds, set on items of a list (`gauges[i].value = v`): the
analysis saw a store of an attribute (depth 2), not the setter's append below it:
python `[[0, 1], [10, 11], [20, 21], [30, 31]]`, omppy at 2 threads `[[0, 1],
[10, 11], [], []]` (exit 0)."""


class Gauge:
    def __init__(self):
        self._v = 0
        self.history = []

    @property
    def value(self):
        return self._v

    @value.setter
    def value(self, v):
        self._v = v
        self.history.append(v)


gauges = [Gauge() for _ in range(4)]
# omp parallel for
for i in range(4):
    gauges[i].value = i * 10
    gauges[i].value = i * 10 + 1
print([g.history for g in gauges])
