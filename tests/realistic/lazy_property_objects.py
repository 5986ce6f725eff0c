"""Objects with a lazily computed cached attribute (a property that fills
`self._area` on first access); each iteration touches only its own object, and a
shared stats object counts computed shapes under atomic."""

import math


class Stats:
    computed = 0


class Polygon:
    def __init__(self, pts):
        self.pts = pts
        self._area = None

    @property
    def area(self):
        if self._area is None:
            s = 0.0
            for (x1, y1), (x2, y2) in zip(self.pts, self.pts[1:] + self.pts[:1]):
                s += x1 * y2 - x2 * y1
            self._area = abs(s) / 2
            # omp atomic
            Stats.computed += 1
        return self._area


polys = [Polygon([(math.cos(t * 2 * math.pi / (3 + i % 5)) * (1 + i % 3),
                   math.sin(t * 2 * math.pi / (3 + i % 5)) * (1 + i % 3)) for t in range(3 + i % 5)])
         for i in range(50)]
areas = [0.0] * len(polys)

# omp parallel for
for i in range(len(polys)):
    areas[i] = round(polys[i].area + polys[i].area, 9)

print(round(sum(areas), 6), Stats.computed, sum(p._area is not None for p in polys))
