"""numpy calls that write into their first argument, on rows of a shared array:
`out[i].fill(v)`, `np.copyto(dst[i], src[i], where=mask)`, `np.put(row, idx, v)`,
`np.clip(row, lo, hi, out=row)`."""

import numpy as np

n = 30
out = np.zeros((n, 8))
src = np.arange(n * 8, dtype=float).reshape(n, 8)
dst = np.full((n, 8), -1.0)
mask = (np.arange(8) % 2).astype(bool)

# omp parallel for
for i in range(n):
    out[i].fill(i * 0.5)
    np.copyto(dst[i], src[i], where=mask)
    row = out[i]
    np.put(row, [0, 7], [i, -i])
    np.clip(row, -5, 10, out=row)

print(float(out.sum()), out[12].tolist(), float(dst.sum()), dst[2].tolist())
