"""np.add.at into a shared histogram under critical."""
import numpy as np

vals = (np.arange(500) * 37) % 23
hist = np.zeros(23, dtype=np.int64)
# omp parallel for
for b in range(10):
    part = vals[b * 50:(b + 1) * 50]
    # omp critical
    np.add.at(hist, part, 1)
print(hist.tolist(), hist.sum())
