"""A histogram in a Python list with `# omp atomic` on `hist[b] += 1`, and a numpy
histogram with the same pattern."""

import numpy as np

data = [((i * 2654435761) % 2 ** 32) / 2 ** 32 for i in range(2000)]
bins = 10
hist = [0] * bins
nhist = np.zeros(bins, dtype=np.int64)

# omp parallel for
for i in range(len(data)):
    b = min(int(data[i] * bins), bins - 1)
    # omp atomic
    hist[b] += 1
    # omp atomic
    nhist[b] += 1

print(hist, sum(hist))
print(nhist.tolist())
