"""Minimal (session 14): a helper passed as a value (`map(mark, ...)`, also
`sorted(..., key=mark)` and `functools.partial(mark)`) is called by the library, not
through its noted twin: python [b, a], omppy [a, b]."""

import time

seen = {}


def mark(k):
    seen[k] = None
    return k


orders = [["b", "a"], ["a", "b"]]
# omp parallel for schedule(static, 1)
for i in range(2):
    if i == 0:
        time.sleep(0.2)
    # omp critical
    list(map(mark, orders[i]))
    # omp end critical
print(list(seen))
