"""Routes kept as a `list` subclass with attributes of their own (`self.cost`,
`self.notes`) and a `dict` subclass registry with a write counter: each route is
extended and costed by one iteration; the registry is filled under critical."""


class Route(list):
    def __init__(self, stops):
        super().__init__(stops)
        self.cost = 0.0
        self.notes = []


class Registry(dict):
    def __init__(self):
        super().__init__()
        self.writes = 0
        self.last = None


routes = [Route([f"s{i}"]) for i in range(24)]
registry = Registry()

# omp parallel for
for i in range(len(routes)):
    r = routes[i]
    for k in range(i % 4 + 1):
        r.append(f"s{(i * 7 + k) % 24}")
    r.cost = round(len(r) * 1.25 + i * 0.5, 6)
    r.notes.append(f"costed {len(r)}")
    # omp critical
    registry[r[0]] = r.cost
    registry.writes += 1
    registry.last = max(registry.last or "", r[0])
    # omp end critical

print([(list(r), r.cost, r.notes) for r in routes[20:22]], sum(r.cost for r in routes))
print(registry.writes, registry.last, len(registry), round(sum(registry.values()), 6))
