"""A memoised recursive function whose memo dict is passed explicitly; each thread
makes its own memo inside the region (private), so caching is per thread."""

from omppy import omp_get_thread_num


def ways(n, coins, memo):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    key = (n, len(coins))
    if key not in memo:
        memo[key] = ways(n - coins[0], coins, memo) + ways(n, coins[1:], memo)
    return memo[key]


COINS = (1, 2, 5, 10, 20, 50)
results = [0] * 80
memo = None

# omp parallel private(memo)
if True:
    memo = {}
    # omp for schedule(dynamic, 4)
    for n in range(len(results)):
        results[n] = ways(n * 3, COINS, memo)

print(sum(results) % 1000003, results[:8], results[-1], omp_get_thread_num())
