"""pymp's README examples in omppy's pragmas: filling an array with an index loop,
a counter incremented under a lock (pymp's `with p.lock:`), and sections written as
a loop over section numbers with if/elif."""

import numpy as np

from omppy import omp_init_lock

ex_array = np.zeros((100,), dtype="uint8")
# omp parallel for
for index in range(0, 100):
    ex_array[index] = 1

counter = np.zeros((1,), dtype="uint8")
lock = omp_init_lock()
# omp parallel for
for index in range(0, 100):
    with lock:
        counter[0] += 1

parts = [None] * 4
# omp parallel for schedule(dynamic)
for sec_idx in range(4):
    if sec_idx == 0:
        parts[0] = "Section 0"
    elif sec_idx == 1:
        parts[1] = "Section 1"
    else:
        parts[sec_idx] = f"Section {sec_idx}"

print(int(ex_array.sum()), int(counter[0]), parts)
