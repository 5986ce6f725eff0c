"""A recursive helper with a module memo dict (partition numbers), called under
critical from a loop whose iterations ask for different n in a different order."""
import time

memo = {}


def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key in memo:
        return memo[key]
    r = partitions(n - k, k) + partitions(n, k - 1)
    memo[key] = r
    return r


asks = [[6, 3], [4, 7]]
res = [None, None]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    got = []
    for n in asks[i]:
        # omp critical
        got.append(partitions(n, n))
    res[i] = got
print(res)
print(list(memo)[:25], len(memo))
