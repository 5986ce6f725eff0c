"""OpenMP Examples nestable_lock.1, ported: a pair object with a nestable lock; one
section updates both fields through nested lock calls, the other only `b`."""

from omppy import omp_init_nest_lock, omp_set_nest_lock, omp_unset_nest_lock


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
# omp parallel sections
# omp section
incr_pair(p, 3, 4)
# omp section
incr_b(p, 10)
# omp end parallel sections

print(p.a, p.b)
