"""A `__slots__` vector class with `__iadd__` returning self, accumulated per bucket in
a shared list of vectors under critical, and a class-level count of instances."""


class Vec:
    __slots__ = ("x", "y", "z")
    made = 0

    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x, self.y, self.z = x, y, z
        Vec.made += 1

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        self.z += o.z
        return self

    def __repr__(self):
        return f"Vec({self.x}, {self.y}, {self.z})"


buckets = [Vec() for _ in range(4)]
before = Vec.made
# omp parallel for
for i in range(100):
    v = (i % 5, i % 3, 1)
    # omp critical
    buckets[i % 4] += Vec(*v)
    # omp end critical

print(buckets, Vec.made - before)
