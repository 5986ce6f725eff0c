"""OpenMP Examples lock_owner.1 and nestable_lock.1, ported (github.com/OpenMP/Examples,
synchronization/sources/): a lock set before the region is unset by the primary
thread inside `masked`; a pair whose `incr_pair` takes a nestable lock and calls
`incr_b`, which takes it again, from `parallel sections`."""

from omppy import (
    omp_destroy_lock,
    omp_init_lock,
    omp_init_nest_lock,
    omp_set_lock,
    omp_set_nest_lock,
    omp_test_lock,
    omp_unset_lock,
    omp_unset_nest_lock,
)

lck = omp_init_lock()
omp_set_lock(lck)
x = 0
# omp parallel shared(x)
if True:
    # omp masked
    if True:
        x = x + 1
        omp_unset_lock(lck)
free_after = omp_test_lock(lck)
omp_destroy_lock(lck)
print("x =", x, "lock free after region:", free_after)


class Pair:
    def __init__(self):
        self.a = 0
        self.b = 0
        self.lck = omp_init_nest_lock()


def incr_a(p, a):
    p.a += a


def incr_b(p, b):
    omp_set_nest_lock(p.lck)
    p.b += b
    omp_unset_nest_lock(p.lck)


def incr_pair(p, a, b):
    omp_set_nest_lock(p.lck)
    incr_a(p, a)
    incr_b(p, b)
    omp_unset_nest_lock(p.lck)


p = Pair()
for rnd in range(3):
    # omp parallel sections
    # omp section
    incr_pair(p, 1 + rnd, 10)
    # omp section
    incr_b(p, 100)
    # omp end parallel sections
print("a =", p.a, "b =", p.b)
