"""A pure-Python n-body step with `@dataclass(slots=True)` bodies: forces computed in a
`parallel for` (each iteration writes its own body's acceleration), then positions
advanced in a second loop; energy summed with a reduction, rounded."""

from dataclasses import dataclass, field


@dataclass(slots=True)
class Body:
    x: float
    y: float
    vx: float = 0.0
    vy: float = 0.0
    m: float = 1.0
    acc: list = field(default_factory=lambda: [0.0, 0.0])


bodies = [Body(float(i % 5), float(i // 5), m=1.0 + (i % 3)) for i in range(20)]
dt = 0.01
for step in range(3):
    # omp parallel for schedule(dynamic, 2)
    for i in range(len(bodies)):
        b = bodies[i]
        ax = ay = 0.0
        for j, o in enumerate(bodies):
            if j == i:
                continue
            dx, dy = o.x - b.x, o.y - b.y
            r2 = dx * dx + dy * dy + 0.01
            inv = o.m / (r2 ** 1.5)
            ax += dx * inv
            ay += dy * inv
        b.acc = [ax, ay]
    # omp parallel for
    for i in range(len(bodies)):
        b = bodies[i]
        b.vx += b.acc[0] * dt
        b.vy += b.acc[1] * dt
        b.x += b.vx * dt
        b.y += b.vy * dt

kinetic = 0.0
# omp parallel for reduction(+:kinetic)
for i in range(len(bodies)):
    b = bodies[i]
    kinetic += 0.5 * b.m * (b.vx * b.vx + b.vy * b.vy)
print(round(kinetic, 9))
print([(round(b.x, 6), round(b.y, 6)) for b in bodies[:4]])
