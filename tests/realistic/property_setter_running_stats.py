"""A sensor whose `value` property setter keeps count, min and max; each iteration
feeds its own sensor a series of readings."""


class Sensor:
    def __init__(self):
        self._v = None
        self.n = 0
        self.lo = float("inf")
        self.hi = float("-inf")

    @property
    def value(self):
        return self._v

    @value.setter
    def value(self, v):
        self._v = v
        self.n += 1
        self.lo = min(self.lo, v)
        self.hi = max(self.hi, v)


sensors = [Sensor() for _ in range(40)]
# omp parallel for
for i in range(40):
    s = sensors[i]
    for t in range(25):
        s.value = ((i * 17 + t * 29) % 53) / 4
print(sum(s.n for s in sensors), sum(s.hi - s.lo for s in sensors), sensors[7].value)
