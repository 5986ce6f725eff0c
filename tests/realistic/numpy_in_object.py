"""A simulation object holding numpy arrays as attributes; a method called from the
loop writes `self.pos[i]` and `self.vel[i]`."""

import numpy as np


class Swarm:
    def __init__(self, n):
        idx = np.arange(n, dtype=float)
        self.pos = np.stack([idx, idx * 0.5], axis=1)
        self.vel = np.stack([np.cos(idx), np.sin(idx)], axis=1)
        self.hits = np.zeros(n, dtype=np.int64)

    def advance(self, i, dt):
        self.pos[i] += self.vel[i] * dt
        if self.pos[i, 0] > 20:
            self.vel[i, 0] = -abs(self.vel[i, 0])
            self.hits[i] += 1


swarm = Swarm(64)
for step in range(5):
    # omp parallel for
    for i in range(64):
        swarm.advance(i, 0.7)

print(np.round(swarm.pos.sum(axis=0), 6).tolist(), int(swarm.hits.sum()))
print(np.round(swarm.pos[10], 6).tolist())
