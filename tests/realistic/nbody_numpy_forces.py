"""N-body forces with numpy arrays (after OMP4Py's md example): a region-private
scratch array, forces written row by row, potential and kinetic energy reduced;
then a position update loop."""

import math

import numpy as np

n, nd = 48, 3
rng = np.random.default_rng(0)
pos = rng.random((n, nd)) * 10
vel = np.zeros((n, nd))
acc = np.zeros((n, nd))
f = np.zeros((n, nd))
mass, dt = 1.0, 1e-3


def v(x):
    return math.sin(min(x, math.pi / 2)) ** 2


def dv(x):
    return 2 * math.sin(x) * math.cos(x) if x < math.pi / 2 else 0.0


for step in range(3):
    pot = 0.0
    kin = 0.0
    # omp parallel reduction(+:pot, kin)
    if True:
        rij = np.empty(nd)
        # omp for
        for i in range(n):
            f[i, :] = 0.0
            for j in range(n):
                if i != j:
                    rij[:] = pos[i] - pos[j]
                    d = math.sqrt(float(rij @ rij))
                    pot += 0.5 * v(d)
                    f[i] -= rij * dv(d) / d
            kin += float(vel[i] @ vel[i])
    # omp parallel for
    for i in range(n):
        pos[i] += vel[i] * dt + 0.5 * dt * dt * acc[i]
        vel[i] += 0.5 * dt * (f[i] / mass + acc[i])
        acc[i] = f[i] / mass

print(round(pot, 6), round(kin * 0.5 * mass, 9))
print(np.round(pos[:2], 8).tolist())
