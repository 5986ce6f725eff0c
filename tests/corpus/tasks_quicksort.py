"""Quicksort by tasks with taskwait, sorting in place: a shared list (each task
changes its own part of it: the changes of tasks that ran elsewhere reach the
creator at taskwait) and an omppy.shared array (written directly); a task that
receives a list made by its creator's thread after the team started."""

import random

import numpy as np

from omppy import shared


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
    if hi - lo < 16:
        a[lo : hi + 1] = sorted(a[lo : hi + 1])
        return
    i, j = partition(a, lo, hi)
    # omp task
    quicksort(a, lo, j)
    # omp task
    quicksort(a, i, hi)
    # omp taskwait


def sort_array(a, lo, hi):
    if hi - lo < 64:
        a[lo:hi].sort()
        return
    pivot = np.median(a[lo:hi][:: max(1, (hi - lo) // 9)])
    part = a[lo:hi]
    left, middle, right = part[part < pivot], part[part == pivot], part[part > pivot]
    part[: len(left)] = left
    part[len(left) : len(left) + len(middle)] = middle
    part[len(left) + len(middle) :] = right
    # omp task
    sort_array(a, lo, lo + len(left))
    # omp task
    sort_array(a, hi - len(right), hi)
    # omp taskwait


def sort_copy(values):
    mine = list(values)  # made by this thread, after the team started
    # omp task
    quicksort(mine, 0, len(mine) - 1)
    # omp taskwait
    return mine


def main():
    rng = random.Random(7)
    data = [rng.randrange(10_000) for _ in range(3000)]
    expected = sorted(data)
    array = shared.array(np.random.default_rng(5).random(20_000))
    expected_array = np.sort(array)
    copied = None
    # omp parallel
    # omp single
    if True:
        quicksort(data, 0, len(data) - 1)
        sort_array(array, 0, len(array))
        copied = sort_copy(data[::-1])
    # omp end parallel
    print("list sorted:", data == expected, data[:5], data[-3:])
    print("array sorted:", bool((array == expected_array).all()))
    print("copy sorted:", copied == expected)


main()
