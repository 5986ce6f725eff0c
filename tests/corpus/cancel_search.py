"""cancel: a parallel search that stops early (`cancel for` in `parallel for` and in a `for` of a region, with `if`), `cancellation point for`, `cancel sections` and `cancellation point sections`, `cancel parallel` in an ordinary loop of a region with a barrier after it; the results do not depend on how much was skipped."""

from omppy import omp_get_max_threads, omp_get_num_threads, omp_get_thread_num


def is_target(value, target):
    return value == target


def search(data, target):
    found = []
    # omp parallel for schedule(dynamic, 7)
    for i in range(len(data)):
        if is_target(data[i], target):
            # omp critical
            found.append(i)
            # omp cancel for
    return found


def search_static(data, target):
    where = -1
    # omp parallel
    if True:
        # omp for
        for i in range(len(data)):
            # omp cancellation point for
            hit = is_target(data[i], target)
            if hit:
                # omp critical
                where = i
            # omp cancel for if(hit)
    return where


def search_halves(data, target):
    hits = []
    half = len(data) // 2
    # omp parallel sections
    # omp section
    for i in range(half):
        if is_target(data[i], target):
            # omp critical
            hits.append(i)
            # omp cancel sections
    # omp section
    for i in range(half, len(data)):
        # omp cancellation point sections
        if is_target(data[i], target):
            # omp critical
            hits.append(i)
            # omp cancel sections
    # omp end parallel sections
    return hits


def search_region(data, target):
    where = []
    rounds = 0
    # omp parallel reduction(+:rounds)
    if True:
        me, size = omp_get_thread_num(), omp_get_num_threads()
        for i in range(me, len(data), size):
            # omp cancellation point parallel
            if is_target(data[i], target):
                # omp critical
                where.append(i)
                # omp cancel parallel
        # omp barrier
        rounds += 1
    # omp end parallel
    return where, rounds <= omp_get_max_threads()


data = [(i * 7919) % 1000 for i in range(1000)]
print(search(data, data[637]), search(data, -5))
print(search_static(data, data[421]), search_static(data, -5))
print(search_halves(data, data[100]), search_halves(data, data[900]), search_halves(data, -1))
print(search_region(data, data[333]), search_region(data, -1))
