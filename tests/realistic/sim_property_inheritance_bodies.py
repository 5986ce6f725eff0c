"""A physics step over objects of two classes: Body uses properties for speed and
kinetic energy; Charged overrides a property and adds a field. Each iteration owns
one object; the energy is reduced with +."""



class Body:
    drag = 0.01

    def __init__(self, m, x, v):
        self.m = m
        self.x = x
        self._v = v

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * (1 - self.drag)

    @property
    def energy(self):
        return 0.5 * self.m * self._v**2

    def step(self, dt):
        self.v = self.v - 9.81 * dt
        self.x += self.v * dt


class Charged(Body):
    drag = 0.02

    def __init__(self, m, x, v, q):
        super().__init__(m, x, v)
        self.q = q

    @property
    def energy(self):
        return super().energy + abs(self.q) * 0.1


bodies = [Charged(1 + i % 3, 0.0, 5.0, i - 20) if i % 2 else Body(1 + i % 4, 0.0, 3.0)
          for i in range(40)]

for _ in range(3):
    e = 0.0
    # omp parallel for reduction(+:e)
    for i in range(len(bodies)):
        for _k in range(10):
            bodies[i].step(0.01)
        e += bodies[i].energy
    print(round(e, 9))

print(round(sum(b.x for b in bodies), 9), type(bodies[1]).__name__, bodies[1].drag)
