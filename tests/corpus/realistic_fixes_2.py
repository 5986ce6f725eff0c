"""More shapes from tests/realistic that gave a wrong answer with exit status 0 (issue
9): an in-place `+=` on items (`rows[i] += [x]`, a user `__iadd__`), a numpy array of
dtype=object, an OrderedDict reordered in `ordered` (an LRU), a class whose
`__setitem__` and property setter change what it holds, closures kept in a list,
enum flags combined in `critical`, a StringIO
written in `ordered`, a list's bound `__setitem__` used as a callback, work queues
(`iter(work)` and `queue.Queue` drawn under critical), a data descriptor's own
audit log, a user `__iadd__` that extends a list it holds (on items and on a name
merged under critical), a Counter reduced beside a numpy array in `omp for`, a
property setter keeping a history on items of a list, a functor (`__call__`)
recording what it is given under critical, a classmethod appending to lists held
by a class-level dict, and list and dict subclasses with attributes of their own."""

import io
import queue
from collections import Counter, OrderedDict
from enum import Flag

import numpy as np


class Acc:
    def __init__(self):
        self.total = 0
        self.n = 0

    def __iadd__(self, v):
        self.total += v
        self.n += 1
        return self


class Store:
    def __init__(self, n):
        self.cells = [0] * n
        self._last = None
        self.log = []

    def __setitem__(self, i, v):
        self.cells[i] = v

    @property
    def last(self):
        return self._last

    @last.setter
    def last(self, v):
        self._last = v
        self.log.append(v)


def make_counter():
    seen = []

    def add(v):
        seen.append(v)

    return add, lambda: seen


class Perm(Flag):
    R = 1
    W = 2
    X = 4


rows = [[] for _ in range(6)]
accs = [Acc() for _ in range(6)]
cells = np.empty((3, 2), dtype=object)
cells[...] = None
stores = [Store(3) for _ in range(6)]
counters = [make_counter() for _ in range(6)]
# omp parallel for
for i in range(6):
    rows[i] += [i, i * i]
    accs[i] += i * 10
    cells[i // 2, i % 2] = (i, [i] * 2)
    s = stores[i]
    s.last = i
    counters[i][0](i + 100)
st = Store(6)
# omp parallel for
for i in range(6):
    st[i] = i * 3
print(rows, [(a.total, a.n) for a in accs], cells.tolist())
print([s.log for s in stores], st.cells, [get() for _, get in counters])

lru = OrderedDict()
# omp parallel for ordered schedule(static, 1)
for i in range(12):
    key = (i * i) % 5
    # omp ordered
    if key in lru:
        lru.move_to_end(key)
    else:
        lru[key] = i
        if len(lru) > 3:
            lru.popitem(last=False)
    # omp end ordered
print(list(lru.items()))

flags = []
# omp parallel
for r in range(3):
    # omp critical
    flags.append(f"{r}:{Perm.R | Perm.X}")
    # omp end critical
print(sorted(set(flags)))

buf = io.StringIO()
table = [0] * 6
put = table.__setitem__
# omp parallel for ordered schedule(static, 1)
for i in range(6):
    put(i, i * 7)
    # omp ordered
    buf.write(f"{i};")
    # omp end ordered
print(buf.getvalue(), table)


class Audited:
    def __init__(self):
        self.log = []

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.name)

    def __set__(self, obj, value):
        self.log.append(value)
        setattr(obj, self.name, value)


class Priced:
    price = Audited()


work = list(range(30))
it = iter(work)
jobs = queue.Queue()
for j in range(12):
    jobs.put(j)
taken = []
priced = [Priced() for _ in range(4)]
# omp parallel
while True:
    # omp critical
    x = next(it, None)
    y = None if jobs.empty() else jobs.get()
    if x is not None:
        taken.append(x)
    if y is not None:
        taken.append(100 + y)
    # omp end critical
    if x is None:
        break
# omp for
for i in range(4):
    # omp critical
    priced[i].price = i * 5
    # omp end critical
# omp end parallel
print(sorted(taken), next(it, "done"), jobs.qsize(), sorted(Priced.price.log))


class Bag:
    def __init__(self, items=()):
        self.items = list(items)

    def __iadd__(self, other):
        self.items.extend(other.items)
        return self


bags = [Bag() for _ in range(4)]
merged = Bag()
hist = np.zeros(3)
kinds = Counter()
# omp parallel
# omp for
for k in range(4):
    bags[k] += Bag([k, k * 10])
    # omp critical
    merged += Bag([k])
    # omp end critical
# omp for reduction(+:hist, kinds)
for i in range(12):
    hist[i % 3] += i
    kinds[i % 4] += 1
# omp end parallel
print([b.items for b in bags], sorted(merged.items), hist.tolist(), sorted(kinds.items()))


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


class Recorder:
    def __init__(self):
        self.seen = []

    def __call__(self, x):
        self.seen.append(x)


gauges = [Gauge() for _ in range(4)]
rec = Recorder()
# omp parallel for
for i in range(4):
    gauges[i].value = i * 10
    gauges[i].value = i * 10 + 1
    # omp critical
    rec(i * i)
    # omp end critical
print([g.history for g in gauges], sorted(rec.seen))


class Node:
    registry = {}

    @classmethod
    def make(cls, key):
        cls.registry.setdefault(key % 3, []).append(key)


# omp parallel for
for i in range(9):
    # omp critical
    Node.make(i)
    # omp end critical
print({k: sorted(v) for k, v in sorted(Node.registry.items())})


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
    paths[i].append(i * 2)
    paths[i].cost = i * 10
    # omp critical
    reg[i] = i
    reg.writes += 1
    # omp end critical
print([(list(p), p.cost) for p in paths], sorted(reg.items()), reg.writes)
