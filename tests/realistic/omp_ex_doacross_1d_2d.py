"""OpenMP Examples doacross.1 and doacross.2, ported: a 1-D recurrence
`b[i] = f(b[i-1])` and a 2-D wavefront with `ordered(2)` sinks on the north and
west neighbours, then a plain row loop."""

n = 60
a = [float(i % 7) for i in range(n)]
b = [0.0] * n
b[0] = 1.0

# omp parallel for ordered(1)
for i in range(1, n):
    a[i] = a[i] * 0.5 + 1.0
    # omp ordered depend(sink: i - 1)
    b[i] = (b[i - 1] * 3 + a[i]) % 1013
    # omp ordered depend(source)

m = 16
grid = [[(r * m + c) % 5 for c in range(m)] for r in range(m)]
# omp parallel for ordered(2)
for r in range(1, m):
    for c in range(1, m):
        # omp ordered doacross(sink: r - 1, c) doacross(sink: r, c - 1)
        grid[r][c] = (grid[r - 1][c] + grid[r][c - 1] + grid[r][c]) % 10007
        # omp ordered doacross(source:)

print(b[-5:], sum(b))
print(grid[-1][-4:], sum(map(sum, grid)))
