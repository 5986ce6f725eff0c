"""A defaultdict whose factory is a lambda (`defaultdict(lambda: [0, 0.0])`), a
per-key [count, sum] pair updated under critical from the loop."""

from collections import defaultdict

acc = defaultdict(lambda: [0, 0.0])
# omp parallel for
for i in range(300):
    key = ("x", "y", "z", "w")[(i * 7) % 4]
    v = ((i * 31) % 17) * 0.5
    # omp critical
    slot = acc[key]
    slot[0] += 1
    slot[1] += v
    # omp end critical

print(sorted((k, c, round(s, 6)) for k, (c, s) in acc.items()))
