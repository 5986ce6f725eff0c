"""A class hierarchy whose `update` calls `super().update()`; the base appends to the
object's own history and the subclass rebinds attributes; objects of mixed classes in
one list updated by a `parallel for`."""


class Body:
    def __init__(self, x):
        self.x = x
        self.history = []

    def update(self, dt):
        self.history.append(round(self.x, 6))


class Moving(Body):
    def __init__(self, x, v):
        super().__init__(x)
        self.v = v

    def update(self, dt):
        super().update(dt)
        self.x += self.v * dt


class Accelerating(Moving):
    def __init__(self, x, v, a):
        super().__init__(x, v)
        self.a = a

    def update(self, dt):
        super().update(dt)
        self.v += self.a * dt


bodies = [
    [Body, Moving, Accelerating][i % 3](*[(i,), (i, 1.0), (i, 0.5, -0.1)][i % 3])
    for i in range(30)
]

for step in range(4):
    # omp parallel for
    for i in range(len(bodies)):
        bodies[i].update(0.5)

print([round(b.x, 4) for b in bodies[:6]], bodies[5].history, round(bodies[5].v, 4))
