"""Geometry records dispatched with a `match` statement in the loop body (class and
mapping patterns); areas stored by index, kinds counted by reduction."""

from dataclasses import dataclass


@dataclass
class Circle:
    r: float


@dataclass
class Rect:
    w: float
    h: float


shapes = []
for i in range(150):
    if i % 3 == 0:
        shapes.append(Circle(i % 7 + 1))
    elif i % 3 == 1:
        shapes.append(Rect(i % 5 + 1, i % 4 + 1))
    else:
        shapes.append({"kind": "tri", "b": i % 6 + 1, "h": i % 3 + 2})

area = [0.0] * len(shapes)
circles = rects = tris = 0
# omp parallel for reduction(+:circles,rects,tris)
for i in range(len(shapes)):
    match shapes[i]:
        case Circle(r=r):
            area[i] = 3.14159 * r * r
            circles += 1
        case Rect(w=w, h=h) if w == h:
            area[i] = w * w
            rects += 1
        case Rect(w=w, h=h):
            area[i] = w * h
            rects += 1
        case {"kind": "tri", "b": b, "h": h}:
            area[i] = b * h / 2
            tris += 1
print(circles, rects, tris, round(sum(area), 4))
