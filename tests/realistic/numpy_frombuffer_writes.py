"""A numpy array made with np.frombuffer over a bytearray (memory numpy does not
own), written in a parallel loop, then read through the bytearray."""

import numpy as np

raw = bytearray(8 * 32)
a = np.frombuffer(raw, dtype=np.float64)
# omp parallel for
for i in range(32):
    a[i] = i * 1.5

print(a.sum(), raw[8:16].hex())
