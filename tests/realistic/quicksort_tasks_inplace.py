"""A recursive quicksort with tasks, in place on one shared list: each task sorts its
own slice (the partition step splits the range; below a cut-off, sorted in the task)."""

import random

rng = random.Random(7)
data = [rng.randrange(100000) for _ in range(3000)]
expect = sorted(data)


def partition(a, lo, hi):
    pivot = a[(lo + hi) // 2]
    i, j = lo, hi
    while i <= j:
        while a[i] < pivot:
            i += 1
        while a[j] > pivot:
            j -= 1
        if i <= j:
            a[i], a[j] = a[j], a[i]
            i += 1
            j -= 1
    return i, j


def quicksort(a, lo, hi):
    if hi - lo < 200:
        a[lo:hi + 1] = sorted(a[lo:hi + 1])
        return
    i, j = partition(a, lo, hi)
    # omp task shared(a)
    quicksort(a, lo, j)
    # omp task shared(a)
    quicksort(a, i, hi)
    # omp taskwait


# omp parallel
# omp single
quicksort(data, 0, len(data) - 1)
# omp end single
# omp end parallel
print(data == expect, data[:5], data[-2:])
