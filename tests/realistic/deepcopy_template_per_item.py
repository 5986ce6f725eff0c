"""A nested configuration template deep-copied per item (`copy.deepcopy`) and
specialised; the configurations are stored by index and the template is unchanged."""

import copy

template = {"solver": {"tol": 1e-6, "steps": [1, 2, 3]}, "tags": ["base"], "n": 0}
configs = [None] * 40
# omp parallel for
for i in range(40):
    c = copy.deepcopy(template)
    c["n"] = i
    c["solver"]["steps"].append(i % 5)
    c["solver"]["tol"] *= (i % 3) + 1
    c["tags"].append(f"case{i}")
    configs[i] = c
print(template)
print(configs[7], sum(sum(c["solver"]["steps"]) for c in configs))
