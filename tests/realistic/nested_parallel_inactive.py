"""A `parallel for` inside a function that is itself called from a `parallel for`
(nesting inactive by default: the inner region runs on one thread), filling a
matrix of results."""

n = 12
table = [[0] * n for _ in range(n)]


def fill_row(i):
    row = table[i]
    # omp parallel for
    for j in range(n):
        row[j] = (i + 1) * (j + 2) % 17


# omp parallel for
for i in range(n):
    fill_row(i)

print(sum(map(sum, table)), table[5])
