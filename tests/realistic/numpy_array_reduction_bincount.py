"""A histogram as a numpy array reduction: reduction(+:hist) with hist a numpy array,
each iteration adding np.bincount of its chunk (a C array-section reduction ported)."""

import numpy as np

data = (np.arange(100000) * 2654435761 % 1000003) % 64
hist = np.zeros(64, dtype=np.int64)
CH = 10000

# omp parallel for reduction(+:hist)
for c in range(len(data) // CH):
    hist += np.bincount(data[c * CH:(c + 1) * CH], minlength=64)

print(int(hist.sum()), hist[:6].tolist(), int(hist.argmax()))
