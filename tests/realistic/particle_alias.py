"""Particles as objects in a list; the loop takes `p = particles[i]` and moves it,
a common way to shorten attribute chains."""


class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v
        self.bounces = 0


particles = [Particle(float(i), (-1.0) ** i * (i % 5 + 1)) for i in range(50)]
dt = 0.5

for step in range(4):
    # omp parallel for
    for i in range(len(particles)):
        p = particles[i]
        p.x += p.v * dt
        if p.x < 0 or p.x > 50:
            p.v = -p.v
            p.bounces += 1

print([round(p.x, 2) for p in particles[:8]])
print(sum(p.bounces for p in particles), round(sum(p.x for p in particles), 3))
