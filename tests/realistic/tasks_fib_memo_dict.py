"""Fibonacci by tasks with a memo dict filled under critical (OpenMP Examples fib
shape, with memoisation), started by one thread in `single`; results stored into a
shared list by the creating task after `taskwait`."""

memo = {0: 0, 1: 1}


def fib(n):
    # omp critical(memo)
    hit = memo.get(n)
    # omp end critical
    if hit is not None:
        return hit
    if n < 12:
        value = fib(n - 1) + fib(n - 2)
    else:
        parts = [0, 0]
        # omp task shared(parts)
        parts[0] = fib(n - 1)
        # omp task shared(parts)
        parts[1] = fib(n - 2)
        # omp taskwait
        value = parts[0] + parts[1]
    # omp critical(memo)
    memo[n] = value
    # omp end critical
    return value


out = [0]
# omp parallel
if True:
    # omp single
    out[0] = fib(40)

print(out[0], len(memo), memo[25])
