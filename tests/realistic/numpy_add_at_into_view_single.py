"""`np.add.at` into a column view of a shared 2-D histogram under critical, `np.subtract.at` on a row view in a `single`, and `np.maximum.at` per iteration on its own row."""

import numpy as np

bins = np.zeros((5, 6), dtype=np.int64)
peaks = np.zeros((12, 4), dtype=np.int64)
# omp parallel
if True:
    # omp for
    for i in range(12):
        idx = np.array([(i * k) % 5 for k in range(7)])
        # omp critical
        np.add.at(bins[:, i % 6], idx, 1)
        # omp end critical
        np.maximum.at(peaks[i], np.array([0, 1, 1, 3]), np.array([i, 2 * i, i + 5, 7]))
    # omp single
    np.subtract.at(bins[0], np.array([0, 0, 2]), 1)
    # omp end single
print(bins.tolist(), int(peaks.sum()))
