"""A 2-D histogram reduced element-wise: each thread's copy of `hist` (a numpy array
under `reduction(+:hist)`) is filled with `hist[r, c] += 1`."""

import numpy as np

pts = [((i * 37) % 100 / 100, (i * 61) % 100 / 100) for i in range(2000)]
hist = np.zeros((5, 4), dtype=np.int64)
# omp parallel for reduction(+:hist)
for i in range(len(pts)):
    x, y = pts[i]
    hist[int(x * 5), int(y * 4)] += 1
print(hist.tolist(), int(hist.sum()))
