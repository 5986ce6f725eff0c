"""numpy writes through views and in-place methods (a[i:i+1].fill, c[i].fill, a view made before the region) reach the master."""
import numpy as np
b = np.zeros(8)
w = b[4:]
a = np.zeros(4)
c = np.zeros((4, 3))
# omp parallel for
for i in range(4):
    b[i] = 1
    w[i] = 2
    a[i:i + 1].fill(7)
    c[i].fill(i)
print(b.tolist(), a.tolist(), c.sum())
data = np.arange(10.0)
out = np.zeros(10)
s = 0.0
# omp parallel for reduction(+:s)
for i in range(10):
    s += data[i] * 2
    out[i] = data[i]
print(s, out.sum(), data.sum())
