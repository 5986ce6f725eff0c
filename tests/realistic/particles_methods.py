"""A particle system as a list of objects with methods: a parallel loop calls
`p.step(dt)` (which changes position, velocity and a history list), then a
reduction computes the kinetic energy."""


class Particle:
    def __init__(self, ident, x, y, vx, vy):
        self.ident = ident
        self.x, self.y = x, y
        self.vx, self.vy = vx, vy
        self.history = []

    def step(self, dt, g=-9.8):
        self.vy += g * dt
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.y < 0:
            self.y = -self.y
            self.vy = -0.9 * self.vy
            self.history.append(("bounce", round(self.x, 3)))

    def energy(self):
        return 0.5 * (self.vx ** 2 + self.vy ** 2)


ps = [Particle(i, 0.0, 1.0 + i % 5, 1.0 + i % 3, 0.0) for i in range(60)]
for t in range(25):
    # omp parallel for
    for p in ps:
        p.step(0.05)

e = 0.0
# omp parallel for reduction(+:e)
for i in range(len(ps)):
    e += ps[i].energy()

print(round(e, 6), sum(len(p.history) for p in ps), ps[7].history[:2])
print([(round(p.x, 4), round(p.y, 4)) for p in ps[:3]])
