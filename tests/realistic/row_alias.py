"""Pure-Python row aliases: `row = out[i]` then `row[j] = v`, and a nested alias
`cell = grid[i][j]` (a small list) changed through the alias."""

n, m = 12, 9
out = [[0] * m for _ in range(n)]
grid = [[[0, 0] for _ in range(m)] for _ in range(n)]

# omp parallel for
for i in range(n):
    row = out[i]
    for j in range(m):
        row[j] = i * m + j
    for j in range(m):
        cell = grid[i][j]
        cell[0] = i - j
        cell[1] = row[j] % 5

print(out[0], out[-1])
print(sum(map(sum, out)), grid[3][4], grid[11][0], sum(c[1] for r in grid for c in r))
