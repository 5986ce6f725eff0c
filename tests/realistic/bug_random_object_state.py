"""BUG (minimal, from epidemic_agents): objects that carry their own random.Random,
drawn from in a parallel loop on two days: the second day repeats the first day's
numbers for the items thread 0 did not draw (the generators' state is not carried)."""

import random


class Agent:
    def __init__(self, seed):
        self.rng = random.Random(seed)


agents = [Agent(i) for i in range(4)]
draws = [[0] * 4 for _ in range(2)]
for day in range(2):
    # omp parallel for
    for i in range(4):
        draws[day][i] = agents[i].rng.randrange(1000)
print(draws)
