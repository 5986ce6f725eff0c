"""Minimal (session 14): a recursive memo helper under critical; the later iteration's
fib(3) filled part of the memo first, so the earlier fib(5) stops recursing there:
python [2, 3, 4, 5], omppy [5, 4, 3, 2] (the presence tests are noted as places)."""
import time

memo = {}
def fib(n):
    if n < 2:
        return n
    if n in memo:
        return memo[n]
    r = fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    # omp critical
    fib(5 if i == 0 else 3)
print(list(memo))
