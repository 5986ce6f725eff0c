"""An agent-based epidemic model: each agent carries its own seeded random.Random;
each day the agents' states are updated in parallel from the previous day's
infected count (computed by a reduction)."""

import random


class Agent:
    def __init__(self, ident):
        self.ident = ident
        self.rng = random.Random(ident)
        self.state = "I" if ident % 25 == 0 else "S"
        self.days = 0


agents = [Agent(i) for i in range(200)]
curve = []
for day in range(20):
    infected = 0
    # omp parallel for reduction(+:infected)
    for a in agents:
        if a.state == "I":
            infected += 1
    curve.append(infected)
    pressure = infected / len(agents)
    # omp parallel for
    for a in agents:
        if a.state == "S" and a.rng.random() < 0.8 * pressure:
            a.state = "I"
        elif a.state == "I":
            a.days += 1
            if a.days > 5:
                a.state = "R"

print(curve)
print(sum(1 for a in agents if a.state == "R"), sum(a.days for a in agents))
