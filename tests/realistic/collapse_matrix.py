"""`collapse(2)` over a rectangular nest filling a list of lists, and `collapse(2)`
with a sum reduction, as in OpenMP Examples collapse.1."""

rows, cols = 9, 13
m = [[0] * cols for _ in range(rows)]
total = 0

# omp parallel for collapse(2)
for i in range(rows):
    for j in range(cols):
        m[i][j] = (i * cols + j) % 10

# omp parallel for collapse(2) reduction(+:total) schedule(dynamic, 7)
for i in range(rows):
    for j in range(cols):
        total += m[i][j] * (i - j)

print(sum(map(sum, m)), m[4], total)
