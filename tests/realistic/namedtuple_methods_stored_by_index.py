"""`typing.NamedTuple` records with methods and `_replace`, built and replaced per iteration and stored by index; a `min` reduction over their derived keys."""

from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float
    label: str = "?"

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx):
        return self._replace(x=self.x + dx, label=self.label + "'")


N = 25
pts = [None] * N
closest = float("inf")
# omp parallel for reduction(min:closest)
for i in range(N):
    p = Point((i * 7) % 9 - 4, (i * 5) % 11 - 5, f"p{i}").moved(0.5)
    pts[i] = p
    closest = min(closest, p.norm2())
print(closest, pts[3], sum(p.norm2() for p in pts))
