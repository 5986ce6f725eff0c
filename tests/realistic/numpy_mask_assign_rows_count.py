"""Row-wise boolean-mask assignment (row[row < 0] = 0) in a parallel loop, with the
number of replaced entries reduced by +, then np.where in a second loop into out."""

import numpy as np

rng = np.random.default_rng(7)
x = rng.normal(size=(120, 50))
y = np.empty_like(x)
replaced = 0

# omp parallel for reduction(+:replaced)
for i in range(x.shape[0]):
    row = x[i]
    m = row < 0
    replaced += int(m.sum())
    row[m] = 0.0

# omp parallel for
for i in range(x.shape[0]):
    y[i] = np.where(x[i] > 1.0, np.sqrt(x[i]), x[i] ** 2)

print(replaced, round(float(x.sum()), 6), round(float(y.sum()), 6))
