"""A tiny ray caster: one image row per iteration (dynamic schedule), each row a
string of shading characters; two spheres and a light."""

import math

W, H = 60, 24
spheres = [((0.0, 0.0, 3.0), 1.0), ((1.2, 0.4, 4.0), 0.7)]
light = (-0.6, 0.8, -0.5)
ln = math.sqrt(sum(c * c for c in light))
light = tuple(c / ln for c in light)
rows = [""] * H


def trace(dx, dy):
    best = None
    for (cx, cy, cz), r in spheres:
        b = -2 * (dx * cx + dy * cy + cz)
        c = cx * cx + cy * cy + cz * cz - r * r
        disc = b * b - 4 * (dx * dx + dy * dy + 1) * c
        if disc >= 0:
            t = (-b - math.sqrt(disc)) / (2 * (dx * dx + dy * dy + 1))
            if t > 0 and (best is None or t < best[0]):
                best = (t, (dx * t - cx) / r, (dy * t - cy) / r, (t - cz) / r)
    if best is None:
        return " "
    shade = max(0.0, best[1] * light[0] + best[2] * light[1] + best[3] * light[2])
    return ".:-=+*#%@"[min(8, int(shade * 9))]


# omp parallel for schedule(dynamic)
for j in range(H):
    y = 1 - 2 * (j + 0.5) / H
    rows[j] = "".join(trace(2 * (i + 0.5) / W - 1, y) for i in range(W))

for r in rows[4:20:3]:
    print(r)
