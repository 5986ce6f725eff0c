"""Matrix-vector and row-normalisation with numpy: each iteration works on one row
(`y[i] = A[i] @ x`, `A[i] /= A[i].sum()`)."""

import numpy as np

n = 100
A = np.fromfunction(lambda i, j: ((i * 7 + j * 3) % 13) + 1.0, (n, n))
x = np.linspace(0, 1, n)
y = np.zeros(n)

# omp parallel for
for i in range(n):
    A[i] /= A[i].sum()

# omp parallel for
for i in range(n):
    y[i] = A[i] @ x

print(round(float(A.sum()), 10), round(float(y.sum()), 10), np.round(y[:3], 10).tolist())
