"""OpenMP Examples udr.2 and udr.3, ported (github.com/OpenMP/Examples,
data_environment/sources/udr.2.c, udr.3.c): `declare reduction(pmin : Point)` and
`(max : Point)` with combiners that update fields in place and initializers, used as
`reduction(pmin:minp) reduction(pmax:maxp)`; a `maxloc` reduction whose combiner and
initializer are functions taking omp_out/omp_in and omp_priv/omp_orig.  Adapted:
omppy refuses a declared reduction named like a built-in operator (`min`, `max`),
which C allows for a struct type, so they are `pmin` and `pmax` here."""

import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Mx:
    def __init__(self, value, index):
        self.value = value
        self.index = index


def point_min(out, inp):
    out.x = min(out.x, inp.x)
    out.y = min(out.y, inp.y)
    return out


def point_max(out, inp):
    out.x = max(out.x, inp.x)
    out.y = max(out.y, inp.y)
    return out


def mx_combine(out, inp):
    if out.value < inp.value:
        out.value = inp.value
        out.index = inp.index
    return out


def mx_init(orig):
    return Mx(orig.value, orig.index)


# omp declare reduction(pmin : Point : omp_out = point_min(omp_out, omp_in)) initializer(omp_priv = Point(sys.maxsize, sys.maxsize))
# omp declare reduction(pmax : Point : omp_out = point_max(omp_out, omp_in)) initializer(omp_priv = Point(0, 0))
# omp declare reduction(maxloc : Mx : omp_out = mx_combine(omp_out, omp_in)) initializer(omp_priv = mx_init(omp_orig))


def find_enclosing_rectangle(points):
    minp = Point(sys.maxsize, sys.maxsize)
    maxp = Point(0, 0)
    # omp parallel for reduction(pmin:minp) reduction(pmax:maxp)
    for i in range(len(points)):
        if points[i].x < minp.x:
            minp.x = points[i].x
        if points[i].y < minp.y:
            minp.y = points[i].y
        if points[i].x > maxp.x:
            maxp.x = points[i].x
        if points[i].y > maxp.y:
            maxp.y = points[i].y
    print(f"min = ({minp.x}, {minp.y})")
    print(f"max = ({maxp.x}, {maxp.y})")


find_enclosing_rectangle([Point((i * 37) % 101 + 3, (i * 53) % 89 + 5) for i in range(60)])

N = 100
val = [N * N - (N * 0.8 - i) ** 2 for i in range(N)]
mx = Mx(val[0], 0)
# omp parallel for reduction(maxloc: mx)
for i in range(1, N):
    if mx.value < val[i]:
        mx.value = val[i]
        mx.index = i
print(f"max value = {mx.value:g}, index = {mx.index}")
