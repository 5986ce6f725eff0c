"""A 2-D numpy array reduced by a `# omp for reduction(+:acc)` inside a `parallel`
region (issue 9's item 7 on a matrix), then a scalar `max` reduction on another
for in the same region, and the array read after the region."""

import numpy as np

pts = np.array([[(i * 13) % 7, (i * 5) % 11] for i in range(300)], dtype=np.int64)
acc = np.zeros((7, 11), dtype=np.int64)
peak = 0

# omp parallel
if True:
    # omp for reduction(+:acc)
    for i in range(len(pts)):
        acc[pts[i, 0], pts[i, 1]] += 1
    # omp for reduction(max:peak)
    for r in range(7):
        peak = max(peak, int(acc[r].max()))

print(int(acc.sum()), acc[3].tolist(), peak)
