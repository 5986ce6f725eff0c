"""A sparse matrix as a dict of dicts (row -> {col: value}) assembled per row in a
`parallel for` (each row's dict its own), then y = A x with rows read in a second
loop; rows with no entries are left out with `del` under critical."""

n = 40
A = {i: {} for i in range(n)}
x = [1.0 + i % 3 for i in range(n)]
y = [0.0] * n

# omp parallel for
for i in range(n):
    row = A[i]
    for j in (i - 1, i, i + 1, (i * 7) % n):
        if 0 <= j < n and (i + j) % 4:
            row[j] = row.get(j, 0.0) + 1.0 / (1 + abs(i - j))

# omp parallel for
for i in range(n):
    y[i] = sum(v * x[j] for j, v in A[i].items())
    if not A[i]:
        # omp critical
        del A[i]
        # omp end critical

print(round(sum(y), 8), len(A), sorted(A[5].items()))
