"""BUG (minimal, from global_numpy_helper; FIXED up to 65,536 elements): a thread
that changes more than half of an unstaged numpy array made its change a
whole-array change, which clashed with any other thread's: a false data-race error
(with dynamic schedules it depends on timing).  Now only an array over 65,536
elements changed mostly by one thread travels whole."""

import numpy as np

rows = [np.zeros(4)]
# omp parallel for schedule(static, 3)
for i in range(4):
    rows[0][i] = 1.0
print(rows[0])
