"""A class whose method contains the parallel loop and mutates self."""
class Simulation:
    def __init__(self, n):
        self.pos = [float(i) for i in range(n)]
        self.vel = [1.0 + (i % 3) for i in range(n)]
        self.steps = 0
        self.events = []
    def step(self, dt):
        n = len(self.pos)
        # omp parallel for
        for i in range(n):
            self.pos[i] += self.vel[i] * dt
            if self.pos[i] > 20:
                self.vel[i] = -self.vel[i]
                # omp critical
                self.events.append((self.steps, i))
        self.steps += 1

s = Simulation(12)
for _ in range(5):
    s.step(1.5)
print([round(p, 2) for p in s.pos], sorted(s.events))
