"""A numpy array held as a class attribute (a lookup table shared by all instances)
written by a parallel loop through the class name, then read through instances."""

import numpy as np


class Table:
    values = np.zeros(64)

    def __init__(self, k):
        self.k = k

    def get(self):
        return float(Table.values[self.k])


# omp parallel for
for i in range(64):
    Table.values[i] = (i * 37 % 64) * 0.5

items = [Table(k) for k in range(0, 64, 7)]
print([t.get() for t in items], float(Table.values.sum()))
