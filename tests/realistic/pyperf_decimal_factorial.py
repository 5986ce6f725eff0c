# Source: github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_decimal_factorial/run_benchmark.py
# (copied there from CPython's Modules/_decimal/tests/bench.py, Stefan Krah)
"""pyperformance's decimal_factorial, ported: `factorial(n, m)` (a recursive
product split) unchanged, the context set as the benchmark sets it (unbounded
precision, in the main thread, before the region); the list of sizes computed with
`parallel for schedule(dynamic)`, each iteration storing a digest of its factorial
(the digit count and the last non-zero digits) into its own slot."""

import decimal


def factorial(n, m):
    if n > m:
        return factorial(m, n)
    elif m == 0:
        return 1
    elif n == m:
        return n
    else:
        return factorial(n, (n + m) // 2) * factorial((n + m) // 2 + 1, m)


def bench_decimal_factorial():
    c = decimal.getcontext()
    c.prec = decimal.MAX_PREC
    c.Emax = decimal.MAX_EMAX
    c.Emin = decimal.MIN_EMIN
    sizes = [300, 1000, 2000, 3000]
    digests = [None] * len(sizes)
    # omp parallel for schedule(dynamic)
    for k in range(len(sizes)):
        f = factorial(decimal.Decimal(sizes[k]), 0)
        text = str(f)
        digests[k] = (sizes[k], len(text), text.rstrip("0")[-12:])
    return digests


if __name__ == "__main__":
    for d in bench_decimal_factorial():
        print(*d)
