"""Configuration layers in a `collections.ChainMap`: each iteration reads through the
chain; writes go to the first layer under critical (ChainMap writes the first map)."""

from collections import ChainMap

defaults = {"scale": 2, "offset": 1, "name": "base"}
overrides = {}
config = ChainMap(overrides, defaults)
out = [0] * 30

# omp parallel for
for i in range(30):
    out[i] = i * config["scale"] + config["offset"]
    if i % 10 == 9:
        # omp critical
        config[f"seen{i}"] = i
        # omp end critical

print(sum(out), sorted(overrides.items()), sorted(defaults.items()))
