"""OpenMP Examples copyprivate.3, ported: one thread creates a lock in `single` and
`copyprivate` hands it to every thread; the threads then use it to guard a shared
tally; `omp_destroy_lock` at the end."""

from omppy import omp_destroy_lock, omp_init_lock, omp_set_lock, omp_unset_lock

tally = {"calls": 0, "sum": 0}


def new_lock():
    lock = None
    # omp single copyprivate(lock)
    lock = omp_init_lock()
    # omp end single
    return lock


# omp parallel
if True:
    lck = new_lock()
    # omp for
    for i in range(200):
        v = i * i % 97
        omp_set_lock(lck)
        tally["calls"] += 1
        tally["sum"] += v
        omp_unset_lock(lck)
    # omp barrier
    # omp single
    omp_destroy_lock(lck)
    # omp end single

print(tally)
