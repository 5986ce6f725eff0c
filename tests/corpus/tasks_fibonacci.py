"""Recursive Fibonacci by tasks: shared(a)/shared(b) handed back at taskwait, a task
inside a recursive function, cut-offs by if() and final(), the same function called
outside any region (every task runs at once), tasks created by every thread."""


def fib(n):
    if n < 2:
        return n
    # omp task shared(a)
    a = fib(n - 1)
    # omp task shared(b)
    b = fib(n - 2)
    # omp taskwait
    return a + b


def fib_cut(n, depth):
    if n < 2:
        return n
    # omp task shared(a) if(depth < 4)
    a = fib_cut(n - 1, depth + 1)
    # omp task shared(b) final(depth >= 3)
    b = fib_cut(n - 2, depth + 1)
    # omp taskwait
    return a + b


def fib_block(n):
    if n < 2:
        return n
    # omp task shared(x)
    if True:
        x = fib_block(n - 1)
        x += fib_block(n - 2)
    # omp end task
    # omp taskwait
    return x


def main():
    print("outside a region:", fib(12))
    r1 = r2 = r3 = None
    # omp parallel
    # omp single
    if True:
        r1 = fib(16)
        r2 = fib_cut(18, 0)
        r3 = fib_block(14)
    # omp end parallel
    print("in a region:", r1, r2, r3)

    results = [0] * 8
    # omp parallel for schedule(dynamic)
    for i in range(8):
        results[i] = fib(10 + i)
    print("every thread:", results)


main()
