"""A 2-D numpy field and a dict of named row views of it (`rows["top"] = f[0]`);
the loop writes columns through the base array and a single writes through the
views; the result is read from the base."""

import numpy as np

f = np.zeros((6, 40))
views = {"top": f[0], "bottom": f[-1], "mid": f[2:4]}

# omp parallel
# omp for
for j in range(40):
    f[1:5, j] = np.arange(1, 5) * j
# omp single
views["top"][:] = -1.0
views["bottom"][::2] = 7.0
views["mid"] *= 0.5
# omp end single
# omp for
for j in range(40):
    f[5, j] += f[4, j] if j % 2 else 0.0
# omp end parallel

print(f.sum(), f[:, 3].tolist(), f[5, :5].tolist())
