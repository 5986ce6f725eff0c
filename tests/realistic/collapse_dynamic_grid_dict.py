"""collapse(2) with schedule(dynamic, 3) over a rectangular grid writing a 2-d list
and a dict keyed by (i, j) under critical; lastprivate of both loop variables."""

R, C = 13, 17
grid = [[0] * C for _ in range(R)]
cells = {}
i = j = -1

# omp parallel for collapse(2) schedule(dynamic, 3) lastprivate(i, j)
for i in range(R):
    for j in range(C):
        v = (i * 31 + j * 17) % 29
        grid[i][j] = v
        if v == 0:
            # omp critical
            cells[(i, j)] = i * C + j

print(i, j, sum(map(sum, grid)), sorted(cells.items()))
