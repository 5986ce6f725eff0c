"""Particles holding small numpy vectors reflected at the walls: a velocity at rest
(0.0) reflected becomes -0.0, which python prints as `-0.`; each iteration owns one
particle."""

import numpy as np


class Particle:
    def __init__(self, k):
        self.x = np.array([(k * 37) % 10 / 10, (k * 53) % 10 / 10, 0.5])
        self.v = np.array([((k % 5) - 2) * 0.1, 0.0, ((k % 3) - 1) * 0.05])

    def step(self, dt):
        for _ in range(20):
            self.x += self.v * dt
            out = (self.x < 0) | (self.x > 1)
            self.v[out] = -self.v[out]
            self.x = np.clip(self.x, 0, 1)
        self.v[1] = -self.v[1]


ps = [Particle(k) for k in range(24)]
# omp parallel for schedule(dynamic, 3)
for k in range(24):
    ps[k].step(0.7)
print(np.array([p.v for p in ps])[:4])
print(int(sum(np.signbit(p.v).sum() for p in ps)), round(float(sum(p.x.sum() for p in ps)), 9))
