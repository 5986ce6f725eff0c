"""Game-of-life-like smoothing on lists of lists: every thread computes its rows of
`new`, a `master` swaps the two grids (`grid, new = new, grid`) and an explicit
`barrier` follows (master has none), as in C."""

n = 16
grid = [[(i * j) % 5 for j in range(n)] for i in range(n)]
new = [[0] * n for _ in range(n)]

# omp parallel
if True:
    for step in range(5):
        # omp for
        for i in range(n):
            for j in range(n):
                s = grid[i][j] + grid[(i + 1) % n][j] + grid[i][(j + 1) % n]
                new[i][j] = s % 7
        # omp master
        grid, new = new, grid
        # omp barrier

print(sum(map(sum, grid)), grid[3][:6])
