"""Several reductions of different kinds on one `omp for` inside a `parallel`
region: a numpy array, a Counter and a float; then a list `+` reduction on a second
loop (histograms and logs gathered in one pass)."""

from collections import Counter

import numpy as np

data = [(i * 7919) % 101 for i in range(300)]
hist = np.zeros(5)
kinds = Counter()
total = 0.0
picked = []

# omp parallel
# omp for reduction(+:hist, kinds, total)
for i in range(len(data)):
    hist[data[i] % 5] += 1
    kinds["big" if data[i] > 50 else "small"] += 1
    total += data[i] * 0.5
# omp for reduction(+:picked)
for i in range(0, len(data), 30):
    picked += [data[i]]
# omp end parallel

print(hist.tolist(), sorted(kinds.items()), total, picked)
