"""Gaussian elimination with partial pivoting on lists: a `single` finds the pivot and
swaps two rows (`A[k], A[p] = A[p], A[k]`), then a `for` eliminates below it;
back substitution afterwards."""

n = 14
A = [[float((i * 7 + j * 3) % 11 + (5 if i == j else 0)) for j in range(n)] + [float(i + 1)] for i in range(n)]
swaps = 0

# omp parallel
for k in range(n):
    # omp single
    if True:
        p = max(range(k, n), key=lambda r: (abs(A[r][k]), -r))
        if p != k:
            A[k], A[p] = A[p], A[k]
            swaps += 1
    # omp end single
    # omp for
    for i in range(k + 1, n):
        f = A[i][k] / A[k][k]
        row_i, row_k = A[i], A[k]
        for j in range(k, n + 1):
            row_i[j] -= f * row_k[j]

x = [0.0] * n
for i in range(n - 1, -1, -1):
    x[i] = (A[i][n] - sum(A[i][j] * x[j] for j in range(i + 1, n))) / A[i][i]
print(swaps, [round(v, 8) for v in x[:6]])
