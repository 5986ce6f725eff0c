"""An array only read in a region, but sharing memory with one that is written (a
double buffer's halves, an alias), reads the staged copy after a barrier."""

import numpy as np

buf = np.zeros((2, 8))
new = buf[1]  # a view of buf, made before the region
a = np.zeros(8)
b = a  # an alias
s = 0.0
t = 0.0
# omp parallel
if True:
    # omp for
    for i in range(8):
        new[i] = i
        b[i] = 2 * i
    # omp for reduction(+:s, t)
    for i in range(8):
        s += buf[1, (i + 4) % 8]
        t += a[(i + 3) % 8]
print(s, t, buf.sum(), a.sum())
