"""A class that registers every instance in a class-level dict in __init__; instances
are created in the parallel loop (one per iteration) under critical, then a second
loop updates each instance's attributes (own object per iteration).

Was refused ('both changed Sensor.created'): a class the module's functions change
was not compared when a block ended.  Now it is."""


class Sensor:
    registry = {}
    created = 0

    def __init__(self, sid, base):
        self.sid = sid
        self.values = [base + k for k in range(5)]
        self.mean = None
        Sensor.registry[sid] = self
        Sensor.created += 1


# omp parallel for
for i in range(40):
    base = (i * 11) % 7
    # omp critical
    Sensor(f"s{i:02d}", base)
    # omp end critical

ids = sorted(Sensor.registry)
# omp parallel for
for k in range(len(ids)):
    s = Sensor.registry[ids[k]]
    s.values.append(s.values[-1] * 2)
    s.mean = sum(s.values) / len(s.values)

print(Sensor.created, len(Sensor.registry), [(s, Sensor.registry[s].mean) for s in ids[:4]])
print(sum(len(s.values) for s in Sensor.registry.values()))
