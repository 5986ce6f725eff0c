"""functools.lru_cache on a pure helper called from a parallel loop (each thread has
its own cache in a process model; the values must not change)."""

from functools import lru_cache


@lru_cache(maxsize=None)
def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)


@lru_cache(maxsize=128)
def digit_sum(n):
    return sum(int(c) for c in str(n))


rows = [None] * 30
total = 0
# omp parallel for reduction(+:total) schedule(guided)
for n in range(30):
    rows[n] = [binom(n, k) for k in range(n + 1)]
    total += digit_sum(binom(2 * n, n))

print(rows[10])
print(sum(sum(r) for r in rows), total)
