"""A large module-level numpy array (about 19 MB) written by a helper through its
global name, as a C programmer writes a global buffer."""

import numpy as np

N = 2_400_000
buf = np.zeros(N)


def fill(chunk, size):
    start = chunk * size
    buf[start:start + size] = np.arange(start, start + size) % 1000


# omp parallel for
for c in range(24):
    fill(c, N // 24)

print(float(buf.sum()), buf[-5:].tolist())
