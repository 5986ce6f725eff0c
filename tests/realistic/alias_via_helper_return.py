"""A helper returns a row of a module-level matrix and the loop writes into it
(`r = row_of(i); r[j] = ...`), and an accessor method returns an object's list."""

N = 10
matrix = [[0] * N for _ in range(N)]


def row_of(i):
    return matrix[i]


class Table:
    def __init__(self, n):
        self._cols = [[0] * n for _ in range(n)]

    def column(self, j):
        return self._cols[j]


table = Table(N)

# omp parallel for
for i in range(N):
    r = row_of(i)
    for j in range(N):
        r[j] = (i + 1) * (j + 1)

# omp parallel for
for j in range(N):
    col = table.column(j)
    for i in range(N):
        col[i] = matrix[i][j] - i

print(matrix[3], sum(map(sum, matrix)))
print(table.column(4), sum(map(sum, table._cols)))
