"""Methods called for their effect on items of shared objects are carried back."""


class Particle:
    def __init__(self, x):
        self.x = x
        self.history = []

    def move(self, dt, *, damping=1.0):
        self.x = (self.x + dt) * damping
        self.history.append(dt)


class Slotted:
    __slots__ = ("count",)

    def __init__(self):
        self.count = 0

    def bump(self, by=1):
        self.count += by


class Holder:
    def __init__(self, k):
        self.inner = Particle(k)


particles = [Particle(i) for i in range(10)]
first = particles[3]  # another reference to an item sees the change, as in Python
# omp parallel for schedule(dynamic, 2)
for i in range(len(particles)):
    particles[i].move(0.5, damping=2.0)
print([p.x for p in particles], first.x, first is particles[3], first.history)


def sort_rows(rows):
    # omp parallel for
    for i in range(len(rows)):
        rows[i].sort(key=abs, reverse=(i % 2 == 0))
        rows[i].reverse()
    return rows


rows = [[(i * 7 + j * 3) % 11 - 5 for j in range(6)] for i in range(9)]
kept = rows[4]
print(sort_rows(rows), kept is rows[4], kept)

grid = [[Slotted() for _ in range(3)] for _ in range(4)]
holders = {f"h{k}": Holder(k) for k in range(5)}
keys = sorted(holders)
# omp parallel for collapse(2)
for i in range(4):
    for j in range(3):
        grid[i][j].bump(by=i + j)
# omp parallel for
for key in keys:
    holders[key].inner.move(*[1.0], **{"damping": 0.5})
print([[c.count for c in row] for row in grid])
print([(k, holders[k].inner.x, holders[k].inner.history) for k in keys])

# Inside a critical the whole object is published instead.
counts = [[0] * 3]
# omp parallel for
for i in range(6):
    # omp critical
    counts[0].sort()
print(counts)

# Methods of the loop's own items: the master's item is updated in place.
swarm = [Particle(i) for i in range(7)]
leader = swarm[5]
# omp parallel for schedule(static, 2)
for p in swarm:
    p.move(1.0)
# omp parallel for
for i, p in enumerate(swarm):
    p.move(float(i), damping=0.5)
# omp parallel for
for p in (q for q in swarm if q.x > 2):  # a generator, materialised by the master
    p.history.append("seen")  # listed methods too: one thread runs each item
print([(p.x, p.history) for p in swarm], leader is swarm[5], leader.x)


def sort_each(rows):
    # omp parallel for schedule(dynamic)
    for row in rows:
        row.sort()
    # omp parallel for
    for name, h in sorted(holders.items()):
        h.inner.move(2.0)
    # omp parallel for
    for p in rows:
        p = list(p)  # rebound: a private list, nothing to carry back
        p.reverse()
    return rows


print(sort_each([[3, 1, 2], [9, 7, 8], [0, -1, 5], [4, 4, 1]]))
print([(k, holders[k].inner.x) for k in keys])

# Deeper: list subclasses and Counters, a method that raises after changing its item,
# references to an item's own arrays, and a graph whose nodes refer to each other.
from collections import Counter  # noqa: E402

import numpy as np  # noqa: E402


class Row(list):
    def normalize(self):
        self.sort()


class Job:
    def __init__(self, i):
        self.i = i
        self.log = []

    def run(self):
        self.log.append("started")
        if self.i % 2:
            raise ValueError(self.i)


class Body:
    def __init__(self, i):
        self.x = np.array([float(i), 0.0])
        self.trail = []

    def move(self, dt):
        self.x += dt
        self.trail.append(float(self.x[0]))


class Node:
    def __init__(self, v):
        self.v = float(v)
        self.nbrs = []
        self.new = 0.0

    def compute(self):
        self.new = (self.v + sum(n.v for n in self.nbrs)) / (1 + len(self.nbrs))

    def commit(self):
        self.v = self.new


rows2 = [Row([3, 1, 2]) for _ in range(4)]
counters = [Counter(a=5) for _ in range(4)]
jobs = [Job(i) for i in range(4)]
bodies = [Body(i) for i in range(4)]
positions = [b.x for b in bodies]
nodes = [Node(i * i % 7) for i in range(8)]
for i, n in enumerate(nodes):
    n.nbrs = [nodes[i - 1], nodes[(i + 1) % 8]]
# omp parallel for
for i in range(4):
    rows2[i].normalize()
    counters[i].subtract(a=1)
    try:
        jobs[i].run()
    except ValueError:
        pass
# omp parallel for
for b in bodies:
    b.move(0.5)
for _ in range(3):
    # omp parallel for
    for n in nodes:
        n.compute()
    # omp parallel for
    for n in nodes:
        n.commit()
print([list(r) for r in rows2], [c["a"] for c in counters], [j.log for j in jobs])
print([p.tolist() for p in positions], [b.trail for b in bodies])
print([round(n.v, 4) for n in nodes], all(n.nbrs[1] is nodes[(i + 1) % 8] for i, n in enumerate(nodes)))
