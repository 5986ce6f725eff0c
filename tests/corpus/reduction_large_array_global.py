"""Array reductions of 1 MB and more on module globals: the region freezes a large
global array it does not compare, and the combine writes the reduction's original
(omppy raised "output array is read-only" where python prints the sums)."""

import numpy as np

n = 140_000  # 1.1 MB of float64
acc = np.zeros(n)
# omp parallel for reduction(+:acc)
for k in range(6):
    acc += np.arange(n) % (k + 2)
print("+ module-level", int(acc.sum()), int(acc[-1]))

prod = np.ones(n)
# omp parallel for reduction(*:prod)
for k in range(4):
    prod *= 1.0 + (np.arange(n) % (k + 3)) * 1e-3
print("* module-level", round(float(prod.sum()), 6))
