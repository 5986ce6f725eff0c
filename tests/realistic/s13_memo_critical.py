"""A memo dict filled under critical: collatz lengths."""
import time

memo = {1: 1}


def steps(n):
    k = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        k += 1
    return k


# omp parallel for schedule(static, 2)
for n in range(2, 14):
    if n < 4:
        time.sleep(0.2)
    s = steps(n)
    # omp critical
    if n not in memo:
        memo[n] = s
    memo[n % 3 + 100] = memo.get(n % 3 + 100, 0) + 1
    # omp end critical
print(list(memo.items()))
