"""A `parallel for` over `itertools.product` (the collapse a Python programmer writes
without collapse), results into a dict keyed by the pair and a 2-D list."""

from itertools import product

n, m = 7, 9
table = [[0] * m for _ in range(n)]
gcds = {}


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


# omp parallel for schedule(dynamic, 4)
for i, j in product(range(n), range(m)):
    table[i][j] = gcd(i + 1, j + 1)
    if table[i][j] > 1:
        gcds[(i + 1, j + 1)] = table[i][j]

print(table[5], len(gcds), list(gcds.items())[:4])
