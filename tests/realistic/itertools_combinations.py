"""Searching pairs and triples with itertools: the combinations are materialised and
split among threads; a reduction counts matches, a critical keeps the best."""

import itertools

weights = [(i * 37) % 53 + 1 for i in range(30)]
pairs = list(itertools.combinations(range(30), 2))
target = 60
matches = 0
closest = None

# omp parallel for reduction(+:matches) schedule(static, 16)
for p in pairs:
    s = weights[p[0]] + weights[p[1]]
    if s == target:
        matches += 1
    # omp critical
    if closest is None or (abs(s - 61), p) < (abs(closest[0] - 61), closest[1]):
        closest = (s, p)
    # omp end critical

prods = [0] * 10
# omp parallel for
for n in range(10):
    prods[n] = sum(1 for t in itertools.product(range(n), repeat=2) if sum(t) % 3 == 0)

print(matches, closest, prods)
