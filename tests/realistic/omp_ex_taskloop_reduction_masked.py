"""OpenMP Examples taskloop shapes: `parallel masked taskloop reduction(+:s)` over a
range, and a `taskloop num_tasks(5) lastprivate(last)` inside `single`."""

import math

s = 0.0
# omp parallel masked taskloop reduction(+:s) grainsize(50)
for i in range(1000):
    s += 1.0 / ((i + 1) * (i + 2))

last = None
table = [0] * 100
# omp parallel
# omp single
# omp taskloop num_tasks(5) lastprivate(last)
for i in range(100):
    table[i] = math.isqrt(i * 1000)
    last = table[i]
# omp end single
# omp end parallel

print(round(s, 12), last, sum(table))
