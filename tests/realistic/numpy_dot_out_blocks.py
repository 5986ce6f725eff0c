"""Blocked matrix product with np.dot(..., out=C[block]) into row blocks of a
preallocated result; the trace is reduced by +."""

import numpy as np

n, B = 96, 16
A = np.arange(n * n, dtype=float).reshape(n, n) % 13
Bm = np.eye(n) * 2 + np.arange(n * n, dtype=float).reshape(n, n).T % 5
C = np.zeros((n, n))
tr = 0.0

# omp parallel for reduction(+:tr)
for b in range(n // B):
    lo, hi = b * B, (b + 1) * B
    np.dot(A[lo:hi], Bm, out=C[lo:hi])
    tr += float(np.trace(C[lo:hi, lo:hi]))

print(tr, float(C.sum()), np.allclose(C, A @ Bm))
