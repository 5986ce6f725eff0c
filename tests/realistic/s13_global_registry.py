"""A module-level registry dict written through `global` in a function's region."""
import time

REGISTRY = {}


def register_all(groups):
    global REGISTRY
    # omp parallel for schedule(static, 1)
    for g in range(len(groups)):
        if g == 0:
            time.sleep(0.3)
        # omp critical
        for name in groups[g]:
            REGISTRY[name] = REGISTRY.get(name, 0) + g


register_all([["alpha", "beta", "gamma"], ["gamma", "beta", "alpha", "delta"]])
print(list(REGISTRY.items()))
