"""A simulation object holding numpy arrays as attributes; its `step_one(i)` method
updates element i of each array and is called from the loop."""

import numpy as np


class Cloud:
    def __init__(self, n):
        k = np.arange(n)
        self.x = np.sin(k).copy()
        self.v = np.cos(k) * 0.1
        self.a = -self.x * 0.01
        self.bounces = np.zeros(n, dtype=np.int32)

    def step_one(self, i, dt):
        for _ in range(10):
            self.v[i] += self.a[i] * dt
            self.x[i] += self.v[i] * dt
            if abs(self.x[i]) > 1:
                self.v[i] = -self.v[i]
                self.bounces[i] += 1


c = Cloud(300)
# omp parallel for schedule(static, 16)
for i in range(300):
    c.step_one(i, 0.5)
print(round(float(c.x.sum()), 9), int(c.bounces.sum()), round(float(c.v[17]), 12))
