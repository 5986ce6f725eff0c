"""A store into an object whose class takes it in Python code of its own or of a
library (``collections.UserList.__setitem__`` storing into ``self.data``), and a
property whose getter caches into the object: both carried back (before: the
workers' stores and caches were lost with exit status 0)."""

from collections import UserDict, UserList


class Log(UserList):
    pass


class Table(UserDict):
    pass


class Shape:
    def __init__(self, n):
        self.n = n
        self._area = None

    @property
    def area(self):
        if self._area is None:
            self._area = sum(k * k for k in range(self.n))
        return self._area


log = Log([None] * 40)
table = Table()
shapes = [Shape(i) for i in range(40)]
total = 0
# omp parallel for reduction(+:total)
for i in range(40):
    log[i] = f"entry {i}"
    table[i] = i * 2
    total += shapes[i].area

print(log[-3:], len(log), sum(table.values()), len(table), total)
print(sum(s._area is not None for s in shapes))
