"""1-D heat equation with numpy arrays: time steps inside one parallel region, the
update in a `for`, the buffer swap and the step counter in a `single`."""

import numpy as np

n = 400
u = np.zeros(n)
u[n // 2 - 10 : n // 2 + 10] = 1.0
v = np.zeros(n)
alpha = 0.25
steps = 0

# omp parallel
while steps < 100:
    # omp for
    for i in range(1, n - 1):
        v[i] = u[i] + alpha * (u[i - 1] - 2 * u[i] + u[i + 1])
    # omp single
    u, v = v, u
    steps += 1
    # omp end single

print(steps, round(float(u.sum()), 10), round(float(u.max()), 10))
