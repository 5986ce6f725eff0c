"""OMP4Py's quad example (after Burkardt's quad_openmp): estimate an integral with
the midpoint rule over many points, reduction over the function values."""

import math

a, b, n = 0.0, 10.0, 50000
total = 0.0


def f(x):
    return 50.0 / (math.pi * (2500.0 * x * x + 1.0))


# omp parallel for reduction(+:total) schedule(static)
for i in range(n):
    x = ((n - i - 1) * a + i * b) / (n - 1)
    total += f(x)

total = (b - a) * total / n
exact = 0.49936338107645674464
print(round(total, 10), f"{abs(total - exact):.3e}")
