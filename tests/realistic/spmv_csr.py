"""Sparse matrix-vector products in CSR form (lists), repeated a few times as a power
iteration; the vector is normalised with a reduction between products."""

import math

n = 200
indptr, indices, values = [0], [], []
for i in range(n):
    cols = sorted({i, (i * 3 + 1) % n, (i * 7 + 5) % n, (i + 1) % n})
    for j in cols:
        indices.append(j)
        values.append(1.0 / (1 + abs(i - j)))
    indptr.append(len(indices))
x = [1.0] * n

for it in range(10):
    y = [0.0] * n
    norm2 = 0.0
    # omp parallel for reduction(+:norm2)
    for i in range(n):
        s = 0.0
        for k in range(indptr[i], indptr[i + 1]):
            s += values[k] * x[indices[k]]
        y[i] = s
        norm2 += s * s
    nrm = math.sqrt(norm2)
    x = [v / nrm for v in y]

print(round(nrm, 8), [round(v, 8) for v in x[:5]])
