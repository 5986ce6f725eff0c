"""OpenMP Examples taskyield.1, ported (github.com/OpenMP/Examples,
tasking/sources/taskyield.1.c): every task does some useful work, then spins on
`omp_test_lock` with `taskyield` until it holds the lock, does its critical part and
releases it."""

from omppy import omp_destroy_lock, omp_init_lock, omp_set_lock, omp_test_lock, omp_unset_lock

useful = [0] * 24
ledger = []


def something_useful(i):
    useful[i] = sum(k * k for k in range(i * 50))


def something_critical(i):
    ledger.append(i)


def foo(lock, n):
    for i in range(n):
        # omp task
        something_useful(i)
        while not omp_test_lock(lock):
            # omp taskyield
            pass
        something_critical(i)
        omp_unset_lock(lock)
        # omp end task


lock = omp_init_lock()
# omp parallel
# omp single
foo(lock, len(useful))
# omp end single
# omp end parallel
omp_set_lock(lock)
omp_unset_lock(lock)
omp_destroy_lock(lock)
print(sorted(ledger) == list(range(len(useful))), sum(useful))
