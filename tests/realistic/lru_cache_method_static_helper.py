"""An `lru_cache` on a module helper used by a method of a class whose objects are built in the loop; results stored by index; the cache is cleared in a single between two worksharing loops of one region."""

import functools


@functools.lru_cache(maxsize=64)
def digit_sum(n):
    return sum(int(c) for c in str(n))


class Item:
    def __init__(self, n):
        self.n = n

    def weight(self):
        return digit_sum(self.n) + digit_sum(self.n * 3)


N = 40
first = [0] * N
second = [0] * N
# omp parallel
if True:
    # omp for
    for i in range(N):
        first[i] = Item(i * 11).weight()
    # omp single
    digit_sum.cache_clear()
    # omp end single
    # omp for
    for i in range(N):
        second[i] = Item(i * 13).weight()
print(sum(first), sum(second), first[:6])
