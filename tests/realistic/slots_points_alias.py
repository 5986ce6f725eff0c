"""Objects with `__slots__` in a list, changed through an alias and through a method
that calls another method of the same object."""


class Vec:
    __slots__ = ("x", "y", "norm1")

    def __init__(self, x, y):
        self.x, self.y = x, y
        self.norm1 = 0

    def scale(self, k):
        self.x *= k
        self.y *= k
        self.update()

    def update(self):
        self.norm1 = abs(self.x) + abs(self.y)


vs = [Vec(i, -i // 2) for i in range(40)]
# omp parallel for
for i in range(len(vs)):
    v = vs[i]
    v.scale(3 if i % 2 else 2)

print(sum(v.norm1 for v in vs), vs[7].x, vs[7].y, vs[7].norm1)
