"""`for i, row in enumerate(grid)` in a `parallel for`: each row list changed through
the loop variable (slice assignment and item stores)."""

grid = [[0] * 8 for _ in range(16)]

# omp parallel for
for i, row in enumerate(grid):
    row[0] = i
    row[1:4] = [i * 2, i * 3, i * 4]
    for j in range(4, 8):
        row[j] = row[j - 4] + j

print(grid[5], sum(map(sum, grid)))
