"""A bank queue simulation per branch: Customer and VIP classes (class attributes for
service times, a property for waiting), random.Random(seed) per branch; per-branch
results in a list, the overall mean wait by reduction."""

import random


class Customer:
    service = 3.0
    __slots__ = ("arrive", "start")

    def __init__(self, arrive):
        self.arrive = arrive
        self.start = None

    @property
    def wait(self):
        return self.start - self.arrive


class VIP(Customer):
    service = 1.5
    __slots__ = ()


def run_branch(seed, n):
    rng = random.Random(seed)
    t, free_at, custs = 0.0, 0.0, []
    for _ in range(n):
        t += rng.expovariate(0.4)
        c = VIP(t) if rng.random() < 0.2 else Customer(t)
        c.start = max(t, free_at)
        free_at = c.start + rng.uniform(0.5, 1.5) * c.service
        custs.append(c)
    return custs


branches = 16
results = [None] * branches
wait_sum = 0.0

# omp parallel for reduction(+:wait_sum) schedule(dynamic)
for b in range(branches):
    cs = run_branch(b * 101, 200)
    w = sum(c.wait for c in cs)
    results[b] = (round(w / len(cs), 6), sum(isinstance(c, VIP) for c in cs))
    wait_sum += round(w, 6)

print(results[:3], round(wait_sum, 4))
