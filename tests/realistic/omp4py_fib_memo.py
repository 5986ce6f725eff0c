"""OMP4Py's fib example without tasks: Fibonacci numbers for many n, computed
recursively with a shared memo filled under critical."""

memo = {0: 0, 1: 1}


def fib(n):
    # omp critical(fib)
    cached = memo.get(n)
    if cached is not None:
        return cached
    value = fib(n - 1) + fib(n - 2)
    # omp critical(fib)
    memo[n] = value
    return value


out = [0] * 90
# omp parallel for schedule(dynamic)
for n in range(90):
    out[n] = fib(n)

print(out[-1], out[50], len(memo))
