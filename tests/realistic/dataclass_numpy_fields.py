"""Bodies as dataclasses holding small numpy arrays (position, velocity): each
iteration advances its body in place (`b.pos += b.vel * dt`) and appends to the
body's own trail list."""

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Body:
    pos: np.ndarray
    vel: np.ndarray
    trail: list = field(default_factory=list)


bodies = [Body(np.array([i * 1.0, -i * 0.5, 0.0]), np.array([0.1 * (i % 3), 0.2, -0.05 * i])) for i in range(24)]

for step in range(3):
    # omp parallel for
    for i in range(len(bodies)):
        b = bodies[i]
        b.vel[2] -= 0.98 * 0.1
        b.pos += b.vel * 0.1
        b.trail.append(round(float(b.pos[2]), 6))

print(bodies[5].pos.round(6).tolist(), bodies[23].trail, round(float(sum(b.pos.sum() for b in bodies)), 6))
