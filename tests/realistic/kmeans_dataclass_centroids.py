"""k-means on 2-D points with `@dataclass` centroids: assignment in a parallel loop
(each point its own label), per-cluster counts and sums by an element-wise
`reduction(+:...)` on numpy arrays (a list under `+` would concatenate), centroids
rebuilt after each round."""

from dataclasses import dataclass

import numpy as np


@dataclass
class Centroid:
    x: float
    y: float
    members: int = 0


pts = [((i * 37) % 100 / 10.0, (i * 53) % 100 / 10.0) for i in range(400)]
cents = [Centroid(1.0, 1.0), Centroid(8.0, 2.0), Centroid(5.0, 8.0)]
labels = [0] * len(pts)
for it in range(6):
    # omp parallel for
    for i in range(len(pts)):
        px, py = pts[i]
        labels[i] = min(range(3), key=lambda c: (cents[c].x - px) ** 2 + (cents[c].y - py) ** 2)
    sx = np.zeros(3)
    sy = np.zeros(3)
    cnt = np.zeros(3, dtype=np.int64)
    # omp parallel for reduction(+:cnt, sx, sy)
    for i in range(len(pts)):
        cnt[labels[i]] += 1
        sx[labels[i]] += pts[i][0]
        sy[labels[i]] += pts[i][1]
    for c in range(3):
        if cnt[c]:
            k = int(cnt[c])
            cents[c] = Centroid(round(float(sx[c]) / k, 6), round(float(sy[c]) / k, 6), k)
print(cents)
