"""A `taskloop` with a grainsize inside `single`: each task fills a block of a shared
list of rows, and a `reduction` totals the work (OpenMP 5 taskloop reduction)."""

n = 96
rows = [[0] * 8 for _ in range(n)]
total = 0

# omp parallel
# omp single
# omp taskloop grainsize(8) reduction(+:total)
for i in range(n):
    for j in range(8):
        rows[i][j] = (i * 8 + j) % 13
    total += sum(rows[i])
# omp end single
# omp end parallel

print(rows[5], rows[95], total, sum(map(sum, rows)))
