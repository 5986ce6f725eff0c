"""Blocked transpose of a list-of-lists matrix with `collapse(2)` over blocks, writing
the transposed blocks into a preallocated result."""

n, bs = 30, 6
M = [[i * n + j for j in range(n)] for i in range(n)]
T = [[0] * n for _ in range(n)]

# omp parallel for collapse(2)
for bi in range(0, n, bs):
    for bj in range(0, n, bs):
        for i in range(bi, bi + bs):
            for j in range(bj, bj + bs):
                T[j][i] = M[i][j]

print(all(T[j][i] == M[i][j] for i in range(n) for j in range(n)), T[3][:5], sum(map(sum, T)))
