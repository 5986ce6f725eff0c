"""A module-global numpy array rebound to a new array in `single` (`field = field *
0.5`, not in place) between two loops; the second loop reads the new binding through
a helper that uses the global name."""

import numpy as np

field = np.arange(50, dtype=float)
out = np.zeros(50)


def probe(i):
    return field[i] + field[(i + 1) % 50]


# omp parallel
if True:
    # omp for
    for i in range(50):
        out[i] = probe(i)
    # omp single
    field = field * 0.5 + out
    # omp for
    for i in range(50):
        out[i] += probe(i)

print(float(out.sum()), out[:4].tolist(), float(field.sum()))
