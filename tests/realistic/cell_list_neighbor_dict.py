"""A molecular-dynamics style cell list: a dict mapping cell tuples to lists of
particle indices built under critical, then a second loop counts close pairs per
particle reading the dict (a second region), and a reduction sums energies."""

import math

n = 120
pts = [((i * 37) % 100 / 10.0, (i * 61) % 100 / 10.0) for i in range(n)]
cells = {}

# omp parallel for
for i in range(n):
    c = (int(pts[i][0] // 2), int(pts[i][1] // 2))
    # omp critical
    cells.setdefault(c, []).append(i)
    # omp end critical

for members in cells.values():
    members.sort()

close = [0] * n
energy = 0.0
# omp parallel for reduction(+:energy) schedule(dynamic, 8)
for i in range(n):
    cx, cy = int(pts[i][0] // 2), int(pts[i][1] // 2)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for j in cells.get((cx + dx, cy + dy), ()):
                if j != i:
                    d = math.dist(pts[i], pts[j])
                    if d < 2.0:
                        close[i] += 1
                        energy += 1.0 / (d + 0.1)

print(len(cells), sum(close), close[:10], round(energy, 6))
