"""A memo decorator written by the user (no functools): the wrapper keeps a cache dict
in its closure; a critical block calls the decorated function for a chunk's numbers,
and the cache's keys are printed in the order python filled them."""
import time


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    wrapper.cache = cache
    return wrapper


@memoize
def digit_sum(n):
    return sum(int(c) for c in str(n))


chunks = [[17, 4, 9, 23], [9, 4, 31, 17]]
totals = [0, 0]
# omp parallel for schedule(static, 1) private(s)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    s = 0
    for n in chunks[c]:
        # omp critical
        s += digit_sum(n)
    totals[c] = s
print(totals)
print(list(digit_sum.cache))
