"""A factory classmethod that counts instances on the class and files each new object
in a class-level dict of lists (`cls.registry.setdefault(k, []).append(...)`),
called under critical from a parallel loop; the objects are stored by index."""


class Shape:
    registry = {}
    made = 0

    def __init__(self, kind, size):
        self.kind = kind
        self.size = size

    @classmethod
    def make(cls, i):
        cls.made += 1
        shape = cls(["circle", "square", "triangle"][i % 3], (i * 37) % 11 + 1)
        cls.registry.setdefault(shape.kind, []).append(shape.size)
        return shape


shapes = [None] * 45
# omp parallel for schedule(dynamic, 4)
for i in range(45):
    # omp critical
    shapes[i] = Shape.make(i)
    # omp end critical

print(Shape.made, {k: sorted(v) for k, v in sorted(Shape.registry.items())})
print([(s.kind, s.size) for s in shapes[:4]])
