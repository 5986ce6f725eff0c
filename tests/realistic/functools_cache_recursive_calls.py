"""functools.cache on a recursive function called from a parallel loop (each call's
result is pure); cache_info is not printed: only the results."""

from functools import cache


@cache
def catalan(n):
    if n < 2:
        return 1
    return sum(catalan(k) * catalan(n - 1 - k) for k in range(n))


@cache
def lattice(a, b):
    if a == 0 or b == 0:
        return 1
    return lattice(a - 1, b) + lattice(a, b - 1)


out = [0] * 60
acc = 0
# omp parallel for reduction(+:acc) schedule(dynamic)
for i in range(len(out)):
    out[i] = catalan(i % 30) % 1000007
    acc += lattice(i % 12, (i * 5) % 13)

print(sum(out), acc, catalan(25))
