"""Views made before the loop and written in the loop: the even and odd halves of a
vector (`a[::2]`, `a[1::2]`), a transposed matrix (`m.T`) and a reshaped buffer
(`buf.reshape(4, 25)`), each written through the view by index."""

import numpy as np

a = np.zeros(40)
ev, od = a[::2], a[1::2]
m = np.zeros((5, 8))
mt = m.T
buf = np.zeros(100)
grid = buf.reshape(4, 25)

# omp parallel for
for i in range(20):
    ev[i] = i
    od[i] = -i * 0.5

# omp parallel for
for j in range(8):
    for i in range(5):
        mt[j, i] = i * 10 + j

# omp parallel for
for r in range(4):
    grid[r, :] = np.arange(25) * (r + 1)

print(a[:8].tolist(), float(a.sum()))
print(m[2].tolist(), float(m.sum()))
print(buf[20:30].tolist(), float(buf.sum()))
