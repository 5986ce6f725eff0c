"""OpenMP Examples simple_lock.1 shape: threads spin on `omp_test_lock`, doing a unit
of other work (a private count) each time it fails, then update a shared queue under
the lock; the lock made before the region."""

from omppy import (
    omp_destroy_lock,
    omp_init_lock,
    omp_test_lock,
    omp_unset_lock,
)

lck = omp_init_lock()
taken = []
work_units = 0

# omp parallel for reduction(+:work_units)
for i in range(60):
    while not omp_test_lock(lck):
        work_units += 0  # skip(): other work that needs no lock
    taken.append(i)
    omp_unset_lock(lck)
    work_units += 1

omp_destroy_lock(lck)
print(sorted(taken) == list(range(60)), len(taken), work_units)
