"""OpenMP Examples taskloop_reduction.1, ported (github.com/OpenMP/Examples,
data_environment/sources/taskloop_reduction.1.c): an orphaned `taskloop
reduction(+: res)` in a function that one thread calls from a `single`; the function
is also called outside any region (its taskloop then runs on the one thread)."""


def array_sum(n, v):
    res = 0
    # omp taskloop reduction(+: res)
    for i in range(n):
        res += v[i]
    return res


def main():
    n = 10
    v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    # omp parallel
    # omp single
    res = array_sum(n, v)
    print(f"The result is {res}")
    # omp end single
    # omp end parallel
    w = [k * k % 17 for k in range(500)]
    print(f"Outside a region: {array_sum(len(w), w)}")


main()
