"""Simpson's rule integrals of several functions, held by a small class whose method
opens the region; the partial sums are a reduction on an attribute-free local and the
results are stored into `self.results[name]`."""

import math


class Integrator:
    def __init__(self, n):
        self.n = n
        self.results = {}

    def integrate(self, name, f, a, b):
        n = self.n
        h = (b - a) / n
        s = 0.0
        # omp parallel for reduction(+:s)
        for i in range(n + 1):
            w = 1 if i in (0, n) else (4 if i % 2 else 2)
            s += w * f(a + i * h)
        self.results[name] = round(s * h / 3, 9)


ig = Integrator(2000)
ig.integrate("sin", math.sin, 0, math.pi)
ig.integrate("exp", math.exp, 0, 1)
ig.integrate("poly", lambda x: x**3 - 2 * x, -1, 2)
print(ig.results)
