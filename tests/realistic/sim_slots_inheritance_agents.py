"""Agents with __slots__ in a base class and a subclass that adds slots; a parallel
loop moves every agent (each iteration owns one agent); class attributes hold rates."""


class Agent:
    __slots__ = ("x", "y", "energy")
    speed = 1

    def __init__(self, x, y):
        self.x, self.y, self.energy = x, y, 100

    def move(self, t):
        self.x = (self.x + self.speed * ((t % 3) - 1)) % 50
        self.y = (self.y + self.speed) % 50
        self.energy -= self.speed


class Hunter(Agent):
    __slots__ = ("kills",)
    speed = 2

    def __init__(self, x, y):
        super().__init__(x, y)
        self.kills = 0

    def move(self, t):
        super().move(t)
        if (self.x + self.y) % 7 == 0:
            self.kills += 1
            self.energy += 5


agents = [Hunter(i, 2 * i) if i % 5 == 0 else Agent(i, 3 * i) for i in range(60)]

for t in range(20):
    # omp parallel for schedule(static, 4)
    for i in range(len(agents)):
        agents[i].move(t)

print(sum(a.energy for a in agents), sum(a.kills for a in agents if isinstance(a, Hunter)))
print([(a.x, a.y) for a in agents[:6]])
