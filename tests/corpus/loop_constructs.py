"""`loop` (bind(parallel), bind(thread), order(concurrent)) and `parallel loop`, the Fortran spellings `do`, `parallel do`, `do simd`, `parallel do simd`; `parallel master`, `parallel masked filter(...)` (blocks and one statement); `scope` with private, firstprivate, reduction and nowait."""
from omppy import omp_get_thread_num


def main(n):
    squares = [0] * n
    # omp parallel loop
    for i in range(n):
        squares[i] = i * i
    print(squares)

    total = 0
    # omp parallel
    if True:
        # omp loop bind(parallel) order(concurrent) reduction(+:total)
        for i in range(n):
            total += i
    # omp end parallel
    print(total)

    rows = [0] * 3
    # omp parallel num_threads(3)
    if True:
        me = omp_get_thread_num()
        mine = 0
        # omp loop bind(thread)
        for k in range(4):
            mine += k
        rows[me] = mine
    # omp end parallel
    print(rows[0], sum(rows) % 6)

    fortran = [0] * n
    # omp parallel do schedule(dynamic, 2)
    for i in range(n):
        fortran[i] = -i
    s = 0
    # omp parallel
    if True:
        # omp do simd reduction(+:s)
        for i in range(n):
            s += fortran[i]
        # omp do
        for i in range(n):
            fortran[i] = fortran[i] * 2
    # omp end parallel
    t = 0
    # omp parallel do simd reduction(+:t)
    for i in range(n):
        t += fortran[i]
    print(fortran, s, t)

    log = []
    # omp parallel master
    log.append(("master", omp_get_thread_num()))
    # omp parallel masked filter(0) num_threads(2)
    log.append(("masked", omp_get_thread_num()))
    # omp parallel master num_threads(3)
    first = omp_get_thread_num()
    log.append(("block", first))
    # omp end parallel master
    print(log)

    hits = 0
    base = 10
    keep = "kept"
    # omp parallel num_threads(2)
    if True:
        # omp scope reduction(+:hits) firstprivate(base) private(keep)
        keep = "changed"
        hits += base - 9
        # omp end scope
        # omp scope nowait
        step = 1
        # omp end scope
    # omp end parallel
    print(hits >= 1, hits % 1)


main(10)
