"""Long shared lists changed by tasks in every way their changes travel between
processes: partitions' scattered swaps of floats (one masked record per change),
of values of mixed types (numbers, strings, None, tuples) and of objects; sorted
slices put in place; two sibling tasks changing every other item of one stretch
(each process holds the other's items unpublished when it applies a change); and
lists whose length tasks change (appends, deletions), ordered by taskwait."""

import random


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
    if isinstance(value, str):
        return (2, value)
    if isinstance(value, tuple):
        return (1, value[0])
    return (1, value)


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


def every_other(a, start, step):
    for k in range(start, len(a), 2):
        a[k] = step(a[k])


def grow(a, n):
    a.extend(float(k) / 7 for k in range(n))


def shrink(a):
    del a[::3]


def summary(name, a):
    print(name, len(a), a[:3], a[len(a) // 2 : len(a) // 2 + 2], a[-2:])


def main():
    rng = random.Random(11)
    floats = [rng.random() for _ in range(20_000)]
    mixed = []
    for k in range(20_000):
        r = rng.random()
        if r < 0.3:
            mixed.append(rng.randrange(1_000_000))
        elif r < 0.5:
            mixed.append(f"s{rng.randrange(1_000_000):07d}")
        elif r < 0.55:
            mixed.append(None)
        elif r < 0.7:
            mixed.append((rng.random(), k))
        else:
            mixed.append(rng.random() * 1_000_000)
    objects = [Point(rng.randrange(1_000_000)) for _ in range(20_000)]
    interleaved = [float(k) for k in range(30_000)]
    lengths = [0.5] * 10_000
    # omp parallel
    # omp single
    if True:
        quicksort(floats, 0, len(floats) - 1, 0)
        quicksort(mixed, 0, len(mixed) - 1, 0)
        quicksort(objects, 0, len(objects) - 1, 0)
        # omp task
        every_other(interleaved, 0, lambda v: v * 2)
        # omp task
        every_other(interleaved, 1, lambda v: -v)
        # omp task
        grow(lengths, 5_000)
        # omp taskwait
        # omp task
        shrink(lengths)
        # omp taskwait
        # omp task
        lengths[100:200] = sorted(lengths[100:200], reverse=True)
        # omp taskwait
    # omp end parallel
    summary("floats", floats)
    print("floats sorted:", floats == sorted(floats))
    summary("mixed", mixed)
    print("mixed sorted:", [key(v) for v in mixed] == sorted(key(v) for v in mixed))
    summary("objects", objects)
    print("objects sorted:", [p.x for p in objects] == sorted(p.x for p in objects))
    summary("interleaved", interleaved)
    print("interleaved sum:", sum(interleaved))
    summary("lengths", lengths)
    print("lengths sum:", round(sum(lengths), 6))


main()
