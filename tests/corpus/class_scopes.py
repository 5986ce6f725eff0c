"""Regions inside methods: class-private attributes, zero-argument super(), and
programs that use the names locals, globals and np.append."""

from dataclasses import dataclass

import numpy as np


class Base:
    def weight(self, i):
        return i + 1


class Model(Base):
    def __init__(self, n):
        self.__buf = [0] * n

    def weight(self, i):
        return 10 * i

    def evaluate(self, n):
        total = 0
        # omp parallel for reduction(+:total)
        for i in range(n):
            total += super().weight(i) + self.weight(i)
            self.__buf[i] = i * i
        return total, self.__buf


print(Model(5).evaluate(5))

locals = ["x", "y"]  # noqa: A001 - a program may use these names
globals = {"g": 1}  # noqa: A001
doubled = [None] * 2
# omp parallel for
for i in range(2):
    doubled[i] = locals[i] * 2 + str(globals["g"])
print(doubled)

base = np.array([1.0, 2.0])
sums = [None] * 3
# omp parallel for
for i in range(3):
    sums[i] = float(np.append(base, i).sum())
print(sums)


@dataclass
class Vec:
    x: float
    y: float

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)


pos = Vec(100.0, 100.0)
# omp parallel for reduction(-:pos)
for i in range(5):
    pos -= Vec(i, 1)
print(pos)
