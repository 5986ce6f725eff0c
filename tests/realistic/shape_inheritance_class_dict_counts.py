"""Instances of several subclasses created in a loop; the base `__init__` counts them
per concrete class in a class-level dict under critical."""


class Shape:
    made = {}

    def __init__(self):
        name = type(self).__name__
        # omp critical
        Shape.made[name] = Shape.made.get(name, 0) + 1


class Square(Shape):
    def __init__(self, s):
        super().__init__()
        self.s = s

    def area(self):
        return self.s * self.s


class Tri(Shape):
    def __init__(self, b, h):
        super().__init__()
        self.b, self.h = b, h

    def area(self):
        return self.b * self.h / 2


areas = [0.0] * 90
# omp parallel for schedule(static, 4)
for i in range(90):
    s = Square(i % 6) if i % 4 else Tri(i % 5, i % 7)
    areas[i] = s.area()
print(sorted(Shape.made.items()), sum(areas))
