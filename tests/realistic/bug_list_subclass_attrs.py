"""FIXED (minimal, from list_subclass_attrs): a `list` subclass and a `dict` subclass
with attributes of their own: the shadow of a list or dict compares its items only,
so the attributes set by other threads were lost: python `[0, 10, 20, 30] 4`,
omppy at 2 threads `[0, 10, 0, 0] 2` (exit 0). Now such an object's `__dict__` is
watched beside it (omppy/runtime/replica.py, Replica.watch)."""


class Path(list):
    def __init__(self, stops):
        super().__init__(stops)
        self.cost = 0


class Registry(dict):
    def __init__(self):
        super().__init__()
        self.writes = 0


paths = [Path([i]) for i in range(4)]
reg = Registry()
# omp parallel for
for i in range(4):
    paths[i].cost = i * 10
    # omp critical
    reg.writes += 1
    # omp end critical
print([p.cost for p in paths], reg.writes)
