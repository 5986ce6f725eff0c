"""The OpenMP Examples' task fib (tasking.4), with a memo a C programmer would add:
the tasks look the memo up and store into it under critical; the recursion below the
cut-off fills the memo in the helper, in python's order for each task's work."""
import time

memo = {}


def fib_seq(n):
    if n < 2:
        return n
    if n in memo:
        return memo[n]
    r = fib_seq(n - 1) + fib_seq(n - 2)
    memo[n] = r
    return r


results = [0] * 4
# omp parallel for schedule(static, 1)
for i in range(4):
    if i == 0:
        time.sleep(0.2)
    # omp critical
    results[i] = fib_seq(18 - 3 * i)
    # omp end critical
print(results)
print(list(memo))
