"""`proc_bind(close|spread|primary|master|true|false)` on regions and combined constructs: accepted, and without OMP_PROC_BIND or OMP_PLACES the threads are not bound, so nothing changes; the place routines answer."""
from omppy import omp_get_num_places, omp_get_place_num, omp_get_proc_bind


def main(n):
    out = [0] * n
    # omp parallel for proc_bind(spread)
    for i in range(n):
        out[i] = i + 1
    places = []
    # omp parallel proc_bind(close) num_threads(2)
    if True:
        # omp critical
        places.append(omp_get_place_num())
    # omp end parallel
    # omp parallel sections proc_bind(primary)
    # omp section
    out[0] = 100
    # omp section
    out[1] = 200
    # omp end parallel sections
    # omp parallel master proc_bind(master)
    out[2] = 300
    print(out, set(places), omp_get_proc_bind(), omp_get_num_places() >= 1)


main(8)
