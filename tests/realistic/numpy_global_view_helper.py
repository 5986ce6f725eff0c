"""A module-level view of a global array (`top = field[0]`) written by a helper
through its global name, inside a loop that also writes the array itself."""

import numpy as np

field = np.zeros((4, 30))
top = field[0]


def mark(j, v):
    top[j] = v


# omp parallel for
for j in range(30):
    field[1:, j] = j
    mark(j, -j)

print(field.sum(), field[0, :5].tolist(), top[:3].tolist())
