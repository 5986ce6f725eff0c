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
