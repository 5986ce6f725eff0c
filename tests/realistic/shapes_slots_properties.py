"""A small class hierarchy with __slots__ and properties (the setter validates and
rescales); the loop sets each shape's scale through the property, and a method
appends to the shape's own history list."""

import math


class Shape:
    __slots__ = ("name", "_scale", "history")

    def __init__(self, name):
        self.name = name
        self._scale = 1.0
        self.history = []

    @property
    def scale(self):
        return self._scale

    @scale.setter
    def scale(self, value):
        if value <= 0:
            raise ValueError("scale must be positive")
        self.history.append(self._scale)
        self._scale = value

    def area(self):
        raise NotImplementedError


class Circle(Shape):
    __slots__ = ("r",)

    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return math.pi * (self.r * self.scale) ** 2


class Rect(Shape):
    __slots__ = ("w", "h")

    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h * self.scale**2


shapes = [Circle(i % 5 + 1) if i % 2 else Rect(i % 3 + 1, i % 4 + 2) for i in range(40)]
areas = [0.0] * len(shapes)

# omp parallel for
for i in range(len(shapes)):
    s = shapes[i]
    s.scale = 1 + (i % 3) * 0.5
    s.scale = s.scale * 2
    areas[i] = round(s.area(), 4)

print(round(sum(areas), 3), [s.history for s in shapes[:3]], shapes[5].scale)
