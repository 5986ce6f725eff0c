# Source: github.com/OpenMP/Examples, data_environment/sources/priv_reduction.1.c and priv_reduction.3.c
"""OpenMP Examples priv_reduction.1 and priv_reduction.3, ported: `do_red`, called
by every thread of a `parallel`, has an orphaned `for reduction(+: sum_v)` on its
own local (private to each thread): every thread gets the whole sum (the example
prints one line per thread; here the lines are collected under `critical` and
printed as a set); then a `parallel reduction(+: x)` holding a `for reduction(+:
x)` on the private copy: x is 10 per thread (the example's 40 with 4 threads), so
the port prints x divided by the team size it records."""

from omppy import omp_get_num_threads

N = 100


def do_red(n, v):
    sum_v = 0  # sum_v is private
    # omp for reduction(+: sum_v)
    for i in range(n):
        sum_v += v[i]
    return sum_v


def main():
    v = [i for i in range(N)]
    sums = []
    # omp parallel
    s_v = do_red(N, v)
    # omp critical
    sums.append(s_v)
    # omp end critical
    # omp end parallel
    print("sums of v:", sorted(set(sums)))

    x = 0
    team = [1]
    # omp parallel reduction(+: x)
    # omp single
    team[0] = omp_get_num_threads()
    # omp end single
    # omp for reduction(+: x)
    for i in range(10):
        x += 1
    # omp end parallel
    print("x per thread =", x // team[0], x % team[0])


main()
