"""OpenMP Examples reduction on an array (reduction.7 style): a histogram kept in a
list reduced element-wise with `reduction(+: hist)` on a `for` inside `parallel`,
followed by a `single` that normalises it, then another `for` reading it."""

import numpy as np

data = [(i * 131) % 997 for i in range(3000)]
hist = np.zeros(10, dtype=np.int64)
norm = [0.0] * 10
weights = [0.0] * len(data)

# omp parallel
# omp for reduction(+: hist)
for i in range(len(data)):
    hist[data[i] % 10] += 1
# omp single
total = int(hist.sum())
for k in range(10):
    norm[k] = hist[k] / total
# omp end single
# omp for
for i in range(len(data)):
    weights[i] = norm[data[i] % 10]
# omp end parallel

print(hist.tolist(), total, round(sum(weights), 9))
