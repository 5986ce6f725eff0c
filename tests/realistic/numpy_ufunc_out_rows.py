"""numpy ufuncs writing through `out=`: each iteration writes its row of a shared
result with `np.multiply(a[i], w, out=res[i])`, `np.cumsum(..., out=cum[i])` and
`res[i].clip(0, 50, out=res[i])`."""

import numpy as np

a = np.arange(120, dtype=float).reshape(12, 10) % 17
w = np.linspace(0.5, 2.0, 10)
res = np.empty_like(a)
cum = np.zeros_like(a)

# omp parallel for
for i in range(a.shape[0]):
    np.multiply(a[i], w, out=res[i])
    np.cumsum(res[i], out=cum[i])
    res[i].clip(0, 20, out=res[i])

print(np.round(res[3], 6).tolist(), round(float(cum.sum()), 6), round(float(res.sum()), 6))
