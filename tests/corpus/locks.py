"""omp locks across the team: omp_set_lock/omp_unset_lock and the lock as a context manager, on a shared array."""
from omppy import omp_init_lock, omp_set_lock, omp_unset_lock, omp_get_thread_num
import numpy as np
from omppy import shared
lock = omp_init_lock()
total = shared.zeros(1, dtype=np.int64)
# omp parallel for
for i in range(200):
    omp_set_lock(lock)
    total[0] = total[0] + 1
    omp_unset_lock(lock)
    with lock:
        total[0] = total[0] + 1
print(total[0])
