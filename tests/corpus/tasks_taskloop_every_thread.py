"""taskloops that every thread of a region reaches (in no single): each thread's
taskloop reduces into a name the thread bound first (its own sum), a lastprivate
per thread; beside them the same taskloop in a single (one sum for the team).  A
reduction name bound only by such a taskloop is an error (tests/test_tasks.py)."""

from omppy import omp_get_thread_num


def own_sums(n):
    sums = {}
    # omp parallel
    if True:
        s = 0
        # omp taskloop reduction(+:s) grainsize(3)
        for i in range(n):
            s += i * i
        # omp critical
        sums[omp_get_thread_num()] = s
    return sorted(set(sums.values()))


def own_last(n):
    lasts = {}
    # omp parallel
    if True:
        last = -1
        # omp taskloop lastprivate(last) num_tasks(3)
        for i in range(n):
            last = i * 2
        # omp critical
        lasts[omp_get_thread_num()] = last
    return sorted(set(lasts.values()))


def one_sum(n):
    t = 0
    # omp parallel
    if True:
        # omp single
        if True:
            # omp taskloop reduction(+:t)
            for i in range(n):
                t += i
    return t


print(own_sums(20), own_last(7), one_sum(30))
