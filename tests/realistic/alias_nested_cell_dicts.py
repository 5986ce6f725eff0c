"""Aliases two levels down: `cell = grid[i][j]` (a dict) then `cell["v"] += ...` and
`cell["hist"].append(...)`; `row = grid[i]` then `row[j]["seen"] = True`."""

n = 8
grid = [[{"v": i * n + j, "hist": [], "seen": False} for j in range(n)] for i in range(n)]

# omp parallel for
for i in range(n):
    row = grid[i]
    for j in range(n):
        cell = grid[i][j]
        cell["v"] += i - j
        cell["hist"].append(cell["v"] % 3)
        if (i + j) % 3 == 0:
            row[j]["seen"] = True

print(sum(c["v"] for r in grid for c in r), grid[2][5], sum(c["seen"] for r in grid for c in r))
