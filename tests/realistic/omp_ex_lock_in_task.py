# Source: github.com/OpenMP/Examples, tasking/sources/tasking.10.c
"""OpenMP Examples tasking.10, ported: an `omp_lock_t` made before the region, a
`for` over 100 iterations each making a task that sets the lock (shared by default
in the task), makes a child task while holding it (a task scheduling point), and
unsets it.  The example's "do work here" is a count and a log entry under the lock
(and one more count in the child, under `atomic`)."""

from omppy import omp_destroy_lock, omp_init_lock, omp_set_lock, omp_unset_lock

done = [0, 0]
log = []


def work():
    lock = omp_init_lock()
    # omp parallel
    # omp for
    for i in range(100):
        # omp task
        omp_set_lock(lock)
        done[0] += 1
        log.append(i)
        # omp task
        # omp atomic
        done[1] += 1
        # omp end task
        omp_unset_lock(lock)
        # omp end task
    # omp end parallel
    omp_destroy_lock(lock)


work()
print(done, len(log), sorted(log) == list(range(100)))
