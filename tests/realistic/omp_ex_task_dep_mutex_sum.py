# Source: github.com/OpenMP/Examples, tasking/sources/task_dep.10.c
"""OpenMP Examples task_dep.10, ported: four tasks in a `single`; a and b are made
by two tasks with `depend(out: ...)`, then two tasks with `depend(in: a)` /
`depend(in: b)` and `depend(mutexinoutset: c)` each update c (in either order, never
at once).  The example's extern functions are small sums (the updates commute, so
either order gives one answer); c, a and b are shared with the tasks."""

import time


def longTaskA():
    time.sleep(0.01)
    return 10


def shortTaskB():
    return 32


def shortTaskAC(a, c):
    return c + a * 3


def longTaskBC(b, c):
    time.sleep(0.005)
    return c + b * 5


def foo():
    a = b = 0
    c = 0
    # omp parallel
    # omp single
    # omp task depend(out: a) shared(a)
    a = longTaskA()
    # omp end task
    # omp task depend(out: b) shared(b)
    b = shortTaskB()
    # omp end task
    # omp task depend(in: a) depend(mutexinoutset: c) shared(a, c)
    c = shortTaskAC(a, c)
    # omp end task
    # omp task depend(in: b) depend(mutexinoutset: c) shared(b, c)
    c = longTaskBC(b, c)
    # omp end task
    # omp end single
    # omp end parallel
    return a, b, c


print(foo())
