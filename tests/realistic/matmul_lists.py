"""Matrix multiplication in pure Python lists: `C[i][j] = s` in a `parallel for` over
rows, and a second version that builds each row and assigns `C2[i] = row`."""

n = 24
A = [[(i * j + 1) % 7 for j in range(n)] for i in range(n)]
B = [[(i + 2 * j) % 5 for j in range(n)] for i in range(n)]
C = [[0] * n for _ in range(n)]
C2 = [None] * n

# omp parallel for
for i in range(n):
    for j in range(n):
        s = 0
        for k in range(n):
            s += A[i][k] * B[k][j]
        C[i][j] = s

# omp parallel for schedule(dynamic, 2)
for i in range(n):
    row = []
    for j in range(n):
        row.append(sum(A[i][k] * B[k][j] for k in range(n)))
    C2[i] = row

print(sum(map(sum, C)), C[5][:6], C == C2)
