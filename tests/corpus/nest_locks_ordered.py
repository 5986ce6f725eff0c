"""Nestable locks taken twice by their owner; ordered blocks in iteration order with a
dynamic chunked schedule and with iterations that skip their ordered block."""

from omppy import (
    omp_init_nest_lock,
    omp_set_nest_lock,
    omp_test_nest_lock,
    omp_unset_nest_lock,
)

lock = omp_init_nest_lock()
log = []
# omp parallel for
for i in range(20):
    omp_set_nest_lock(lock)
    depth = omp_test_nest_lock(lock)
    # omp critical
    log.append(depth)
    # omp end critical
    omp_unset_nest_lock(lock)
    omp_unset_nest_lock(lock)
print(sorted(log) == [2] * 20)

order = []
# omp parallel for ordered schedule(dynamic, 3)
for i in range(30):
    square = i * i
    if i % 4 != 1:
        # omp ordered
        order.append(square)
print(order)
