"""OpenMP Examples udr.1 (user-defined min/max on points), ported with what Python
offers: min/max reductions on (x, y) pairs computed per coordinate, giving the
enclosing rectangle."""

points = [((i * 37) % 101 - 50, (i * 53) % 97 - 40) for i in range(500)]
minx = miny = 10 ** 9
maxx = maxy = -(10 ** 9)

# omp parallel for reduction(min:minx, miny) reduction(max:maxx, maxy)
for i in range(len(points)):
    px, py = points[i]
    minx = min(minx, px)
    miny = min(miny, py)
    maxx = max(maxx, px)
    maxy = max(maxy, py)

print("min = (%d, %d)" % (minx, miny))
print("max = (%d, %d)" % (maxx, maxy))
