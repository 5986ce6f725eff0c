"""A shared dict filled with distinct keys by the iterations of a `parallel for`
(no two iterations write the same key: race-free), printed as it is: python's key
order is the iteration order."""

import math

norms = {}
names = {}
# omp parallel for schedule(dynamic, 3)
for i in range(40):
    v = (i, i * 2 - 7, 11 - i)
    norms[f"v{i}"] = round(math.sqrt(sum(c * c for c in v)), 5)
    if i % 4 == 0:
        names[i] = f"n{i}"

print(list(norms)[:8], list(norms.values())[-3:])
print(names)
