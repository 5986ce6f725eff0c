"""An np.ndarray subclass carrying a unit attribute (__array_finalize__); rows of a
subclass instance are written in a parallel loop through slicing (views keep the
subclass); the unit survives."""

import numpy as np


class Quantity(np.ndarray):
    def __new__(cls, data, unit=""):
        obj = np.asarray(data, dtype=float).view(cls)
        obj.unit = unit
        return obj

    def __array_finalize__(self, obj):
        self.unit = getattr(obj, "unit", "")


q = Quantity(np.zeros((40, 16)), unit="m")

# omp parallel for
for i in range(q.shape[0]):
    row = q[i]
    row[:] = np.arange(16) * (i + 1) * 0.5
    row += i

print(type(q).__name__, q.unit, type(q[3]).__name__, q[3].unit, float(q.sum()), q[39, 15])
