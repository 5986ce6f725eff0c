"""A quicksort by tasks of long lists whose values packing.py cannot all carry as
machine words: NaN, -0.0 beside 0.0, a float subclass, ints beyond 64 bits, bools,
None and objects among plain floats and ints, and a list of floats only.  The first
partition's scattered swaps reach the thread that sorts the other half as one dense
change (its shadow then a new copy of the list, s9-tasks), the sorted halves come
back; every value must arrive as itself: its type, its sign, NaN as NaN."""

import math
import random


class Real(float):
    def __repr__(self):
        return f"Real({float(self)!r})"


class Point:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"Point({self.x})"


def key(value):
    if isinstance(value, Point):
        return (3, value.x)
    if value is None:
        return (0, 0)
    if isinstance(value, float) and math.isnan(value):
        return (1, 0)
    return (2, value)


def partition(a, lo, hi):
    pivot = key(a[(lo + hi) // 2])
    i, j = lo, hi
    while i <= j:
        while key(a[i]) < pivot:
            i += 1
        while key(a[j]) > pivot:
            j -= 1
        if i <= j:
            a[i], a[j] = a[j], a[i]
            i += 1
            j -= 1
    return i, j


def quicksort(a, lo, hi, depth):
    if hi - lo < 500 or depth >= 3:
        a[lo : hi + 1] = sorted(a[lo : hi + 1], key=key)
        return
    i, j = partition(a, lo, hi)
    # omp task
    quicksort(a, lo, j, depth + 1)
    # omp task
    quicksort(a, i, hi, depth + 1)
    # omp taskwait


def odd(k, rng):
    r = k % 11
    if r == 0:
        return float("nan")
    if r == 1:
        return -0.0
    if r == 2:
        return 0.0
    if r == 3:
        return Real(rng.random())
    if r == 4:
        return rng.randrange(10**30)
    if r == 5:
        return -(2**63) - rng.randrange(10)
    if r == 6:
        return k % 2 == 0
    if r == 7 and k % 5 == 0:
        return None
    if r == 8:
        return Point(rng.randrange(1_000_000))
    return rng.random() if k % 2 else rng.randrange(-(2**62), 2**62)


def show(name, a):
    kinds = {}
    for v in a:
        kinds[type(v).__name__] = kinds.get(type(v).__name__, 0) + 1
    print(name, len(a), sorted(kinds.items()))
    print(
        " signs of zeros:",
        "".join(
            "-" if math.copysign(1, v) < 0 else "+" for v in a if type(v) is float and v == 0.0
        )[:60],
    )
    print(" NaN:", sum(1 for v in a if type(v) is float and math.isnan(v)))
    print(" sample:", [repr(v) for v in a[:: max(1, len(a) // 12)]])
    print(" sorted:", [key(v) for v in a] == sorted(key(v) for v in a))


def main():
    rng = random.Random(13)
    mixed = [odd(k, rng) for k in range(24_000)]
    floats = [rng.random() - 0.5 for _ in range(24_000)]
    floats[::97] = [-0.0] * len(floats[::97])
    # omp parallel
    # omp single
    if True:
        quicksort(mixed, 0, len(mixed) - 1, 0)
        quicksort(floats, 0, len(floats) - 1, 0)
    # omp end parallel
    show("mixed", mixed)
    show("floats", floats)


main()
