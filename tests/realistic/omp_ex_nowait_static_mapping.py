"""OpenMP Examples nowait.2, ported: three `for schedule(static) nowait` loops of the
same iteration count; each relies on the static schedule giving iteration k of every
loop to the same thread (the third loop reads z[i-1], written by iteration i-1 of the
second)."""

import math

n = 50
a = [float(i) for i in range(n + 1)]
b = [float(2 * i) for i in range(n)]
c = [0.0] * n
z = [0.0] * n
y = [0.0] * (n + 1)

# omp parallel
if True:
    # omp for schedule(static) nowait
    for i in range(n):
        c[i] = (a[i] + b[i]) / 2.0
    # omp for schedule(static) nowait
    for i in range(n):
        z[i] = math.sqrt(c[i])
    # omp for schedule(static) nowait
    for i in range(1, n + 1):
        y[i] = z[i - 1] + a[i]

print(round(sum(y), 6), y[:4])
