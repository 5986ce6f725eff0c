"""OpenMP Examples tasking.4, ported (github.com/OpenMP/Examples,
tasking/sources/tasking.4.c): fib by two tasks with `shared(i)` and `shared(j)` and a
`taskwait` before `return i + j`, called by one thread of a team."""


def fib(n):
    if n < 2:
        return n
    else:
        # omp task shared(i)
        i = fib(n - 1)
        # omp task shared(j)
        j = fib(n - 2)
        # omp taskwait
        return i + j


def main():
    n = 12
    # omp parallel shared(n)
    # omp single
    print("fib(%d) = %d" % (n, fib(n)))
    # omp end single
    # omp end parallel


main()
