"""Shapes from session 11's ports of other people's programs: an orphaned `single
copyprivate(...)` naming `threadprivate` globals, in a function every thread calls
(OpenMP Examples copyprivate.1, data_environment/sources/copyprivate.1.c): every
thread holds the values the single bound; an OpenMP lock set in a task that
creates a child while holding it (tasking.10: only the task's own children may start
at that scheduling point); decimal arithmetic in a loop after the program set the
context's precision (pyperformance decimal_factorial: every thread computes with it).
"""

import decimal

from omppy import omp_destroy_lock, omp_init_lock, omp_set_lock, omp_unset_lock

x = 0.0
y = 0.0
# omp threadprivate(x, y)

LINES = ["1.5 2.5 3.5 4.5", "5 6 7 8"]


def init(a, b, line):
    global x, y
    # omp single copyprivate(a, b, x, y)
    a, b, x, y = (float(t) for t in LINES[line].split())
    # omp end single
    return a, b


def region(line):
    held = []
    # omp parallel
    a, b = init(0.0, 0.0, line)
    # omp critical
    held.append((a, b, x, y))
    # omp end critical
    # omp end parallel
    return sorted(set(held))


print(region(0))
print(region(1))


def lock_across_child(n):
    done = [0, 0]
    lock = omp_init_lock()
    # omp parallel
    # omp for
    for i in range(n):
        # omp task
        omp_set_lock(lock)
        done[0] += i
        # omp task
        # omp atomic
        done[1] += 1
        # omp end task
        omp_unset_lock(lock)
        # omp end task
    # omp end parallel
    omp_destroy_lock(lock)
    return done


print(lock_across_child(60))


def decimal_digits(n):
    decimal.getcontext().prec = 80
    out = [None] * n
    # omp parallel for schedule(static, 1)
    for k in range(n):
        out[k] = str(decimal.Decimal(1) / decimal.Decimal(7 + k))[-6:]
    return out


print(decimal_digits(6))
