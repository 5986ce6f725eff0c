"""A memoised function using the mutable-default-argument idiom (`cache={}`), guarded
by a critical section; the loop asks for many values and the program reports how
many entries the cache holds."""


def partitions(n, k, cache={}):
    """Number of partitions of n into parts of size at most k."""
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    # omp critical(pcache)
    hit = cache.get((n, k))
    if hit is not None:
        return hit
    value = partitions(n - k, k) + partitions(n, k - 1)
    # omp critical(pcache)
    cache[(n, k)] = value
    return value


results = [0] * 40
# omp parallel for schedule(dynamic)
for n in range(40):
    results[n] = partitions(n, n)

print(results[:12])
print(results[-1])
print("cached entries:", len(partitions.__defaults__[0]))
