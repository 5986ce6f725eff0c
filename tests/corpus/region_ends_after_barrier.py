# Regions whose last statement is a single or a for: the workers apply nothing at
# that last barrier (runtime/regionend.py); the program still sees every change.
import random


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


def quicksort(a, lo, hi, depth):
    if hi - lo < 200 or depth >= 3:
        a[lo : hi + 1] = sorted(a[lo : hi + 1])
        return
    i, j = partition(a, lo, hi)
    # omp task
    quicksort(a, lo, j, depth + 1)
    # omp task
    quicksort(a, i, hi, depth + 1)
    # omp taskwait


def sort_by_tasks(n):
    rng = random.Random(7)
    a = [rng.random() for _ in range(n)]
    # omp parallel
    # omp single
    quicksort(a, 0, n - 1, 0)
    # omp end parallel
    return a


def squares_then_keys(n):
    squares = [0] * n
    seen = {}
    # omp parallel
    if True:
        # omp for schedule(static)
        for i in range(n):
            squares[i] = i * i
        # omp for schedule(dynamic, 3)
        for i in range(n):
            seen[f"k{i}"] = squares[n - 1 - i]
    # omp end parallel
    return squares, seen


def worker_single(n):
    out = []
    # omp parallel
    if True:
        # omp for schedule(static)
        for i in range(n):
            pass
        # omp single
        out.extend(range(n))
    # omp end parallel
    return out


def nested(n):
    grid = [[0] * n for _ in range(3)]
    # omp parallel num_threads(2)
    if True:
        # omp for schedule(static)
        for r in range(3):
            row = grid[r]
            # omp parallel for num_threads(2) schedule(static)
            for c in range(n):
                row[c] = r * 100 + c
        # omp single
        grid.append([sum(x) for x in grid])
    # omp end parallel
    return grid


def many_regions(rounds):
    values = [0] * 8
    for k in range(rounds):
        # omp parallel
        # omp for
        for i in range(8):
            values[i] += k + i
    return values


a = sort_by_tasks(3000)
print(a == sorted(a), len(a), round(sum(a), 6))
squares, seen = squares_then_keys(40)
print(sum(squares), list(seen)[:5], list(seen.values())[-3:])
print(worker_single(10))
print(nested(4))
print(many_regions(5))
