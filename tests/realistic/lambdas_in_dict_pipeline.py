"""A table of transformations as lambdas in a dict, applied in sequence per item;
results per stage stored by index in a dict of lists."""

import math

stages = {
    "shift": lambda x: x - 3.5,
    "square": lambda x: x * x,
    "log": lambda x: math.log1p(x),
    "clip": lambda x: min(x, 2.5),
}
order = ["shift", "square", "log", "clip"]
n = 200
results = {name: [0.0] * n for name in order}
# omp parallel for
for i in range(n):
    x = (i % 17) * 0.5
    for name in order:
        x = stages[name](x)
        results[name][i] = x
print({k: round(sum(v), 6) for k, v in results.items()})
