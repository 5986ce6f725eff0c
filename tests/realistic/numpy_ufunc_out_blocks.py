"""In-place ufuncs with out= on blocks of a shared array."""
import numpy as np

x = np.linspace(0, 1, 1000)
y = np.empty_like(x)
# omp parallel for
for b in range(10):
    s = slice(b * 100, (b + 1) * 100)
    np.multiply(x[s], 3.0, out=y[s])
    np.sin(y[s], out=y[s])
    np.add(y[s], 1.0, out=y[s])
print(round(float(y.sum()), 8))
