"""single, master and masked run their block on one thread: a print inside them appears
exactly once whatever the team size; single's value reaches every thread (implied barrier),
master's and masked's reach the master after the region."""

from omppy import omp_get_num_threads


def main():
    seen = []
    leader = None
    chosen = None
    # omp parallel
    # omp single
    print("single runs once")
    # omp master
    print("master runs once")
    # omp barrier
    # omp masked filter(omp_get_num_threads() - 1)
    chosen = "masked"
    # omp end masked
    # omp master
    leader = "master"
    # omp end master
    # omp single nowait
    print("single nowait runs once")
    # omp end parallel
    print(leader, chosen)


main()
