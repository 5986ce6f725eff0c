"""Classes in loop bodies: methods and properties called in the loop, instances
created in workers and stored, inheritance, dataclasses, __slots__ attribute stores."""

from dataclasses import dataclass, field


class Shape:
    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{type(self).__name__}({self.area():.2f})"


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.25 * self.r * self.r


@dataclass
class Stats:
    name: str
    values: list = field(default_factory=list)

    @property
    def mean(self):
        return sum(self.values) / len(self.values) if self.values else 0.0


class Slot:
    __slots__ = ("key", "score")

    def __init__(self, key):
        self.key = key
        self.score = 0


def main():
    n = 24
    shapes = [Rect(i, i + 1) if i % 2 else Circle(i) for i in range(n)]

    areas = [None] * n
    descs = [None] * n
    total = 0.0
    # omp parallel for reduction(+:total)
    for i in range(n):
        areas[i] = shapes[i].area()
        descs[i] = shapes[i].describe()
        total += areas[i]
    print("areas", total, descs[:4])

    made = [None] * n
    # omp parallel for schedule(dynamic, 3)
    for i in range(n):
        made[i] = Stats(f"s{i}", [i, i * 2, i * 3])
    print("dataclasses", made[5], round(sum(s.mean for s in made), 6))

    slots = [Slot(f"k{i}") for i in range(n)]
    # omp parallel for
    for i in range(n):
        slots[i].score = len(slots[i].key) * i
    print("slots", [(s.key, s.score) for s in slots[-3:]])

    kinds = []
    # omp parallel for reduction(+:kinds)
    for s in shapes:
        kinds += [type(s).__name__[0]]
    print("kinds", "".join(kinds))

    stats = [Stats(f"t{i}") for i in range(6)]
    # omp parallel for
    for i in range(6):
        stats[i].values = list(range(i))
    print("replaced attribute", [s.mean for s in stats])


if __name__ == "__main__":
    main()
