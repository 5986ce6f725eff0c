"""Exact Gauss-Jordan inversion with Fractions: for each pivot, the other rows are
eliminated in a parallel loop (one row per iteration), the pivot row scaled in a
single before it."""

from fractions import Fraction

n = 7
A = [[Fraction((i * 3 + j * 5) % 11 + (i == j) * 7) for j in range(n)] for i in range(n)]
M = [row[:] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(A)]

for p in range(n):
    piv = M[p][p]
    M[p] = [x / piv for x in M[p]]
    # omp parallel for
    for r in range(n):
        if r != p and M[r][p] != 0:
            f = M[r][p]
            M[r] = [a - f * b for a, b in zip(M[r], M[p])]

inv = [row[n:] for row in M]
check = [[sum(A[i][k] * inv[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
print(all(check[i][j] == (i == j) for i in range(n) for j in range(n)), inv[0][:3])
