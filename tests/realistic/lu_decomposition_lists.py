"""LU decomposition without pivoting (after OMP4Py's lud example) on lists of lists:
one region, for each k a `for` computing row k of U, a `for` computing column k of
L, and a `single` setting the diagonal of L."""

n = 16
L0 = [[(1.0 if i == j else ((i * 3 + j) % 5) / 10.0) if j <= i else 0.0 for j in range(n)] for i in range(n)]
U0 = [[((i + j * 7) % 9 + 1.0) if j >= i else 0.0 for j in range(n)] for i in range(n)]
a = [[sum(L0[i][s] * U0[s][j] for s in range(n)) for j in range(n)] for i in range(n)]
l = [[0.0] * n for _ in range(n)]
u = [[0.0] * n for _ in range(n)]

# omp parallel
for k in range(n):
    # omp for
    for j in range(k, n):
        u[k][j] = a[k][j]
        for s in range(k):
            u[k][j] -= l[k][s] * u[s][j]
    # omp for
    for i in range(k + 1, n):
        l[i][k] = a[i][k]
        for s in range(k):
            l[i][k] -= l[i][s] * u[s][k]
        l[i][k] /= u[k][k]
    # omp single
    l[k][k] = 1.0

err = max(abs(l[i][j] - L0[i][j]) + abs(u[i][j] - U0[i][j]) for i in range(n) for j in range(n))
print(err < 1e-9, [round(v, 6) for v in u[3][:6]], [round(v, 6) for v in l[9][:4]])
