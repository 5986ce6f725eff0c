"""A `__slots__` class (no instance dict) whose method changes a number slot and
appends to a list slot; the objects are reached through a dict keyed by name."""


class Sensor:
    __slots__ = ("name", "reading", "history", "alarms")

    def __init__(self, name):
        self.name = name
        self.reading = 0.0
        self.history = []
        self.alarms = 0

    def sample(self, t):
        v = ((hash(self.name) * 0 + len(self.name) * 13 + t * 7) % 50) / 5.0
        self.reading = v
        self.history.append(v)
        if v > 8:
            self.alarms += 1


sensors = {f"s{i:02d}": Sensor(f"s{i:02d}" * (i % 3 + 1)) for i in range(24)}
keys = sorted(sensors)

# omp parallel for
for k in range(len(keys)):
    s = sensors[keys[k]]
    for t in range(k % 5 + 3):
        s.sample(t + k)

print([(k, sensors[k].reading, sensors[k].alarms) for k in keys[:4]])
print(sum(len(s.history) for s in sensors.values()), sum(s.alarms for s in sensors.values()))
