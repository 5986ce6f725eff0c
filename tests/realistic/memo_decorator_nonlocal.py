"""A hand-written memoizing decorator whose cache dict and hit counter live in the
decorator's closure (nonlocal), used by a helper called under critical.

Was refused ('both changed cache in collatz's closure'): a closure's memo dict is
now compared, and published, by every block that runs the program's code."""


def memoize(fn):
    cache = {}
    hits = 0

    def wrapper(n):
        nonlocal hits
        if n in cache:
            hits += 1
            return cache[n]
        cache[n] = fn(n)
        return cache[n]

    wrapper.stats = lambda: (len(cache), hits)
    return wrapper


@memoize
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


out = [0] * 80
# omp parallel for
for i in range(80):
    # omp critical
    out[i] = collatz(i % 25 + 1)
    # omp end critical

print(sum(out), collatz.stats())
