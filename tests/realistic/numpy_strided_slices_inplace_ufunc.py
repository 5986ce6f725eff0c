"""In-place ufuncs on strided slices: iteration k owns every 4th element starting at k
(a[k::4]) and scales, offsets and clips them with out= arguments."""

import numpy as np

a = np.linspace(-5.0, 5.0, 4001)
lo = np.array([-1.0, -2.0, -3.0, -4.0])

# omp parallel for
for k in range(4):
    s = a[k::4]
    np.multiply(s, k + 1, out=s)
    s += 0.25 * k
    np.clip(s, lo[k], 6.0, out=s)

print(round(float(a.sum()), 6), a[:8].round(3).tolist(), int((a == 6.0).sum()))
