"""Globals of another module rebound from here while its region runs (`limits.LIMIT =
9` in a helper called in `single`, `setattr(limits, ...)`, an array replaced): every
thread reads the new value by name after the single's barrier, as under python
(issue 9: they were read from copies taken when the region started)."""
import numpy as np

from lib import limits


def bump():
    limits.LIMIT = 9
    setattr(limits, "SCALE", 0.5)
    limits.TABLE = np.arange(8.0) * 10


print(limits.scaled(12, bump))
print(limits.LIMIT, limits.SCALE, limits.TABLE.sum())

calls = [0] * 6
# omp parallel for
for i in range(6):
    calls[i] = limits.helper_reads(i)
print(calls)
