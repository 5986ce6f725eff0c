# Source: github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_float/run_benchmark.py
"""pyperformance's float benchmark (from Factor), ported: `Point` (with
`__slots__`) and `maximize` unchanged; `benchmark(n)` builds the points with a
`parallel for` (each iteration storing its own slot) and normalizes them with a
second `parallel for` over the list itself (`for p in points: p.normalize()`, each
iteration changing its own object through the loop variable); the final
`maximize` stays sequential."""

from math import cos, sin, sqrt

POINTS = 5000


class Point(object):
    __slots__ = ('x', 'y', 'z')

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%s, y=%s, z=%s>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    next = points[0]
    for p in points[1:]:
        next = next.maximize(p)
    return next


def benchmark(n):
    points = [None] * n
    # omp parallel for
    for i in range(n):
        points[i] = Point(i)
    # omp parallel for
    for p in points:
        p.normalize()
    return maximize(points)


if __name__ == "__main__":
    print(benchmark(POINTS))
