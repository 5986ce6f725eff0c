"""Runtime routines used in thread-independent ways: thread number within the
team, team size, omp_in_parallel consistent with the team size, wall-clock time."""

from omppy import omp_get_num_threads, omp_get_thread_num, omp_get_wtime, omp_in_parallel


def main():
    n = 64
    print("outside", omp_get_thread_num(), omp_get_num_threads(), omp_in_parallel())

    t0 = omp_get_wtime()
    valid = 0
    consistent = True
    # omp parallel for reduction(+:valid) reduction(and:consistent)
    for i in range(n):
        tid = omp_get_thread_num()
        size = omp_get_num_threads()
        if 0 <= tid < size:
            valid += 1
        consistent = consistent and omp_in_parallel() == (size > 1)
    t1 = omp_get_wtime()
    print("valid", valid, "consistent", consistent)
    print("time moves forward", t1 >= t0, isinstance(t1, float))

    ok = True
    # omp parallel reduction(and:ok)
    ok = ok and 0 <= omp_get_thread_num() < omp_get_num_threads()
    print("region", ok)

    print("after", omp_get_thread_num(), omp_get_num_threads(), omp_in_parallel())


if __name__ == "__main__":
    main()
