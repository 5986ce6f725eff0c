"""Objects whose property setter validates and raises; the loop catches the error and
records it per item (each iteration its own object and its own slot)."""


class Sensor:
    def __init__(self, name):
        self.name = name
        self._reading = 0.0
        self.updates = 0

    @property
    def reading(self):
        return self._reading

    @reading.setter
    def reading(self, value):
        if value < 0 or value > 100:
            raise ValueError(f"{self.name}: {value} out of range")
        self._reading = value
        self.updates += 1


sensors = [Sensor(f"s{i}") for i in range(40)]
errors = [None] * len(sensors)
# omp parallel for schedule(guided)
for i in range(len(sensors)):
    s = sensors[i]
    for k in range(5):
        try:
            s.reading = (i * 13 + k * 29) % 130 - 10
        except ValueError as exc:
            errors[i] = str(exc)

print([s.reading for s in sensors[:8]], sum(s.updates for s in sensors))
print([e for e in errors if e][:5], sum(e is not None for e in errors))
