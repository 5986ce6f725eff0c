"""OpenMP Examples psections.1, ported: three independent axis computations in
parallel sections, each storing its result into a shared dict."""

import math

results = {}


def axis(name, n, f):
    return name, round(sum(f(i / n) for i in range(n)) / n, 10)


# omp parallel sections
# omp section
results["x"] = axis("x", 2000, math.sin)
# omp section
results["y"] = axis("y", 3000, math.cos)
# omp section
results["z"] = axis("z", 1000, math.exp)
# omp end parallel sections

print(sorted(results.items()))
