"""FIXED (minimal, from numpy_object_dtype): a numpy array of dtype=object is neither
staged nor compared, so stores into it from workers were lost: python `[[0], [1, 1],
[2, 2, 2], [3, 3, 3, 3]]`, omppy at 2 threads `[[0], [1, 1], 0, 0]` (exit 0). Now
compared element by element by identity, like a list (ObjectArrayShadow in
omppy/runtime/shadow.py)."""

import numpy as np

cells = np.empty(4, dtype=object)
cells[:] = 0
# omp parallel for
for r in range(4):
    cells[r] = [r] * (r + 1)
print(cells.tolist())
