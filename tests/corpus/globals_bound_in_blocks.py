"""Module globals rebound inside synchronisation blocks, read by helpers the block
calls right after the binding: a ``single`` that scales a field and sums it, a swap
of two arrays in a ``single``, a ``critical`` that bumps a counter in an ``if``, a
``master`` with an augmented assignment; each helper reads the module's global."""

import numpy as np

field = [1.0, 2.0, 3.0]
current = np.zeros(4)
spare = np.ones(4)
count = 0
level = 10
log = []


def total():
    return sum(field)


def head():
    return float(current[0])


def counted():
    return count


def level_now():
    return level


# omp parallel num_threads(3)
# omp single
field = [x * 2 for x in field]
log.append(("single", total()))
current, spare = spare, current
log.append(("swap", head()))
# omp end single
# omp critical
if count >= 0:
    count = count + 1
    if counted() != count:
        log.append(("stale count", counted()))
# omp end critical
# omp barrier
# omp master
level += 5
log.append(("master", level_now()))
# omp end master
# omp end parallel

print(sorted(log))
print(field, current.tolist(), spare.tolist(), count > 0, level)
