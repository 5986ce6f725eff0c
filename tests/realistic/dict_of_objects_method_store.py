"""Objects in a dict keyed by name, each iteration updates one object's list by method."""


class Series:
    def __init__(self):
        self.points = []

    def add(self, x, y):
        self.points.append((x, y))


series = {f"s{k}": Series() for k in range(10)}
# omp parallel for
for k in range(10):
    s = series[f"s{k}"]
    for x in range(k + 2):
        s.add(x, x * k)
print([(name, len(s.points), s.points[-1]) for name, s in sorted(series.items())][:4])
