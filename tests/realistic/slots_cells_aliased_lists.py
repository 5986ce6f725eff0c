"""`__slots__` particles kept both in a flat list and bucketed by cell (the same
objects in two containers); a parallel loop over cells moves the particles of its
cell, and the flat list is printed."""


class P:
    __slots__ = ("x", "v", "hits")

    def __init__(self, x, v):
        self.x = x
        self.v = v
        self.hits = 0


particles = [P((i * 37) % 100 / 10, ((i % 7) - 3) / 10) for i in range(120)]
cells = [[] for _ in range(10)]
for p in particles:
    cells[int(p.x) % 10].append(p)

# omp parallel for schedule(dynamic)
for c in range(10):
    for p in cells[c]:
        for _ in range(5):
            p.x += p.v
            if p.x < 0 or p.x > 10:
                p.v = -p.v
                p.hits += 1
print(round(sum(p.x for p in particles), 6), sum(p.hits for p in particles))
print([round(p.x, 3) for p in particles[:6]])
