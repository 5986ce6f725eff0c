"""Stores made through `operator.setitem` and a bound `__setitem__` passed around as
a function (callback style), each iteration its own index."""

import operator

a = [0] * 40
b = {}
put = a.__setitem__

# omp parallel for
for i in range(40):
    operator.setitem(a, i, i * 3)
    if i % 4 == 0:
        put(i, -i)

# omp parallel for
for i in range(40):
    # omp critical
    operator.setitem(b, f"k{i % 5}", b.get(f"k{i % 5}", 0) + i)
    # omp end critical

print(a[:9], sum(a), sorted(b.items()))
