"""A small vector class with an in-place `__iadd__`: per-item accumulators updated
with `acc[k] += Vec(...)` (the object changes in place, the list slot is rebound to
the same object), each accumulator by one iteration."""


class Vec:
    __slots__ = ("x", "y", "n")

    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y
        self.n = 0

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        self.n += 1
        return self

    def __repr__(self):
        return f"Vec({self.x:.3f}, {self.y:.3f}, n={self.n})"


acc = [Vec() for _ in range(40)]

# omp parallel for schedule(static, 3)
for k in range(40):
    for t in range(k % 6 + 1):
        acc[k] += Vec(t * 0.5, (k - t) * 0.25)

print(acc[:3], acc[39], round(sum(v.x + v.y for v in acc), 6), sum(v.n for v in acc))
