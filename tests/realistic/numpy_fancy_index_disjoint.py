"""Fancy-index stores: each iteration writes its own permuted positions."""
import numpy as np

n = 64
perm = np.random.RandomState(3).permutation(n)
out = np.zeros(n)
# omp parallel for
for b in range(8):
    idx = perm[b * 8:(b + 1) * 8]
    out[idx] = idx * 0.5 + b
print(out.sum(), out[:6])
