"""A `single` that clips a shared numpy array with boolean-mask assignment between
two work-shared loops."""

import numpy as np

a = np.zeros(100)
# omp parallel
# omp for
for i in range(100):
    a[i] = ((i * 37) % 41) - 20
# omp single
a[a < -10] = -10
a[a > 10] = 10
# omp end single
# omp for
for i in range(100):
    a[i] = a[i] * 2
# omp end parallel

print(a.sum(), a.min(), a.max())
