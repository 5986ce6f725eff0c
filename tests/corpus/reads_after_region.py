"""Names a region or loop keeps to each thread, and the ways a program may still
use them after it: rebound first, shadowed by a comprehension or a loop, carried by
lastprivate, single or a reduction, combined as each thread's running part
(tests/test_reads_after.py has the reads that are refused)."""

import math


def main():
    n = 40
    out = [0] * n

    # omp parallel for
    for i in range(n):
        t = i * 3
        out[i] = t + 1
    t = -1  # rebound before any read
    print("rebound", t, out[:3], out[-1])

    # omp parallel for
    for i in range(n):
        out[i] = i * i
    print("shadowed", [i for i in range(3)], sum(out))
    for i in range(2):
        print("own loop", i)

    # omp parallel for lastprivate(k, last)
    for k in range(n):
        last = math.isqrt(k)
    print("lastprivate", k, last)

    # omp parallel
    # omp single
    width = n // 4
    # omp end parallel
    print("single", width)

    total = 0
    # omp parallel reduction(+:total)
    part = 0
    # omp for
    for i in range(n):
        part += i
    # (every thread adds its own part)
    total += part
    # omp end parallel
    print("parts", total)

    best = -1
    # omp parallel reduction(max:best)
    mine = -1
    # omp for schedule(dynamic, 3)
    for i in range(n):
        mine = max(mine, (i * 17) % 31)
    best = max(best, mine)
    # omp end parallel
    print("max of parts", best)

    if out:
        x = "yes"
    else:
        x = "no"
    print("branch", x)


main()


def loop_after_loop(n, m):
    """A name a parallel loop binds, rebound by a later loop that surely runs, read
    after it (a loop that might run no time would leave python the region's value:
    a translate-time error, tests/test_reads_after.py)."""
    t = -1
    # omp parallel for
    for i in range(n):
        t = i * 2
    for t in range(3):
        pass
    return t + m


print(loop_after_loop(4, 1))
