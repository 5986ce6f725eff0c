"""A numpy structured array of particles; the loop writes one field through a view
(`pos = particles["x"]`) and another through the record (`particles[i]["v"] = ...`);
a summary array is a strided view of a bigger buffer."""

import numpy as np

n = 64
particles = np.zeros(n, dtype=[("x", "f8"), ("v", "f8"), ("cell", "i4")])
particles["x"] = np.linspace(0.0, 1.0, n)
pos = particles["x"]
buffer = np.zeros(2 * n)
summary = buffer[::2]

# omp parallel for
for i in range(n):
    particles[i]["v"] = 0.5 * pos[i] ** 2
    pos[i] = pos[i] + 0.01 * particles["v"][i]
    particles["cell"][i] = int(pos[i] * 8)
    summary[i] = pos[i] + particles[i]["cell"]

print(round(float(particles["x"].sum()), 9), round(float(particles["v"].sum()), 9))
print(np.bincount(particles["cell"]).tolist(), round(float(buffer.sum()), 9), buffer[1::2].any())
