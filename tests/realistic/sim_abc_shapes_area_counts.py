"""Abstract base class with abstractmethod and concrete subclasses; total area by a +
reduction and counts per class name in a shared dict under critical."""

import math
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self): ...

    def describe(self):
        return f"{type(self).__name__}({self.area():.2f})"


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r * self.r


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)


shapes = [Circle(i % 5 + 1) if i % 3 == 0 else Rect(i % 4 + 1, 2) if i % 3 == 1 else Square(i % 6)
          for i in range(150)]
total = 0.0
counts = {}

# omp parallel for reduction(+:total)
for i in range(len(shapes)):
    total += shapes[i].area()
    name = type(shapes[i]).__name__
    # omp critical
    counts[name] = counts.get(name, 0) + 1

print(round(total, 6), sorted(counts.items()), shapes[4].describe())
