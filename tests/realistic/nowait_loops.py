"""OpenMP Examples nowait.1, ported: two independent loops in one region, both
`nowait`, writing two different arrays (lists)."""

import math

n, m = 200, 150
a = [float(i % 11) for i in range(n)]
z = [float(i * i % 37) for i in range(m)]
b = [0.0] * n
y = [0.0] * m

# omp parallel
if True:
    # omp for nowait
    for i in range(1, n):
        b[i] = (a[i] + a[i - 1]) / 2.0
    # omp for nowait
    for i in range(m):
        y[i] = math.sqrt(z[i])

print(sum(b), round(sum(y), 8), b[1:4], round(y[5], 8))
