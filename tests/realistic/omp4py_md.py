"""OMP4Py's md example with list-of-lists arrays (pure Python): forces with a
region-private scratch list and a `for` over particles, potential and kinetic
energy reduced on the region; then an update loop."""

import math
import random

n, nd = 30, 3
r = random.Random(0)
box = [10.0] * nd
pos = [[box[j] * r.randint(0, 10000) / 10000 for j in range(nd)] for _ in range(n)]
vel = [[0.0] * nd for _ in range(n)]
acc = [[0.0] * nd for _ in range(n)]
f = [[0.0] * nd for _ in range(n)]
mass, dt = 1.0, 1e-4
PI_2 = math.pi / 2


def v(x):
    return math.sin(x) ** 2 if x < PI_2 else 1.0


def dv(x):
    return 2 * math.sin(x) * math.cos(x) if x < PI_2 else 0.0


def dist(r1, r2, dr):
    d = 0.0
    for i in range(nd):
        dr[i] = r1[i] - r2[i]
        d += dr[i] * dr[i]
    return math.sqrt(d)


for step in range(3):
    pot = 0.0
    kin = 0.0
    # omp parallel reduction(+:pot, kin)
    if True:
        rij = [0.0] * nd
        # omp for
        for i in range(n):
            for j in range(nd):
                f[i][j] = 0.0
            for j in range(n):
                if i != j:
                    d = dist(pos[i], pos[j], rij)
                    pot += 0.5 * v(d)
                    for k in range(nd):
                        f[i][k] -= rij[k] * dv(d) / d
            kin += sum(vel[i][k] * vel[i][k] for k in range(nd))
    # omp parallel for
    for i in range(n):
        for j in range(nd):
            pos[i][j] += vel[i][j] * dt + 0.5 * dt * dt * acc[i][j]
            vel[i][j] += 0.5 * dt * (f[i][j] / mass + acc[i][j])
            acc[i][j] = f[i][j] / mass

print(round(pot, 8), round(kin * 0.5 * mass, 12), [round(c, 10) for c in pos[0]])
