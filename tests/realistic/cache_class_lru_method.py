"""A model class whose expensive method is memoized with functools.lru_cache on a
module-level function, and whose instance keeps its own dict cache filled under a
named critical; the loop evaluates the model at many points (scientists' code)."""

import functools


@functools.lru_cache(maxsize=None)
def basis(k):
    return sum((j % 7) * (k + j) for j in range(40 + k % 5))


class Model:
    def __init__(self, coeffs):
        self.coeffs = coeffs
        self._cache = {}
        self.evaluations = 0

    def term(self, k):
        # omp critical(model_cache)
        if k not in self._cache:
            self._cache[k] = self.coeffs[k % len(self.coeffs)] * basis(k)
        value = self._cache[k]
        # omp end critical
        return value

    def __call__(self, x):
        return sum(self.term((x + j) % 23) for j in range(4))


model = Model([1, -2, 3, 5, -7])
results = [0] * 120
# omp parallel for schedule(dynamic, 4)
for x in range(120):
    results[x] = model(x)
    # omp atomic
    model.evaluations += 1

print(sum(results), results[:5], model.evaluations, len(model._cache), sorted(model._cache)[:5])
