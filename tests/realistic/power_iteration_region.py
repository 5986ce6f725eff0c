"""Power iteration in one parallel region on lists: a `for` computes y = M x, a
`for reduction(+:norm2)` its norm, a `single` normalises into x and counts."""

import math

n = 60
M = [[1.0 / (1 + abs(i - j)) for j in range(n)] for i in range(n)]
x = [1.0] * n
y = [0.0] * n
norm2 = 0.0
lam = 0.0
rounds = 0

# omp parallel
for it in range(25):
    # omp for
    for i in range(n):
        y[i] = sum(M[i][j] * x[j] for j in range(n))
    # omp single
    norm2 = 0.0
    # omp for reduction(+:norm2)
    for i in range(n):
        norm2 += y[i] * y[i]
    # omp single
    if True:
        lam = math.sqrt(norm2)
        x = [v / lam for v in y]
        rounds += 1
    # omp end single

print(rounds, round(lam, 9), [round(v, 9) for v in x[:4]])
