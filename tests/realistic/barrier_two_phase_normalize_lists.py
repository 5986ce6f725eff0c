"""Two phases in one region separated by a barrier: each thread computes row norms for
its rows, then (after the barrier) every row is divided by the global max norm that a
single computed."""

import math

rows = [[(i * j + 3) % 17 - 8 for j in range(20)] for i in range(90)]
norms = [0.0] * len(rows)
gmax = 0.0

# omp parallel
if True:
    # omp for
    for i in range(len(rows)):
        norms[i] = math.sqrt(sum(x * x for x in rows[i]))
    # omp single
    gmax = max(norms)
    # omp for
    for i in range(len(rows)):
        rows[i] = [round(x / gmax, 9) for x in rows[i]]

print(round(gmax, 9), round(sum(map(sum, rows)), 6), rows[1][:4])
