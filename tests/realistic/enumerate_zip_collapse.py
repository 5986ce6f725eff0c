"""A pairwise weight table from two lists of samples; the two loops over `range(len)`
are collapsed, and each cell reads its pair through `zip` of feature tuples."""

xs = [(i % 5, (i * 3) % 7, i % 2) for i in range(24)]
ys = [((j * 5) % 6, j % 4, (j + 1) % 3) for j in range(18)]
table = [[0] * len(ys) for _ in range(len(xs))]
# omp parallel for collapse(2)
for i in range(len(xs)):
    for j in range(len(ys)):
        table[i][j] = sum(a * b for a, b in zip(xs[i], ys[j], strict=True))
row_max = [0] * len(xs)
# omp parallel for
for i, row in enumerate(table):
    row_max[i] = max(enumerate(row), key=lambda kv: (kv[1], -kv[0]))[0]
print(sum(map(sum, table)), row_max)
