# Regions whose last statement is a single or a for: the workers apply nothing at
# that last barrier (runtime/regionend.py); the program still sees every change.
import random


def sort_parts(a, lo, hi, depth):
    if depth == 2:
        a[lo:hi] = sorted(a[lo:hi])
        return
    mid = (lo + hi) // 2
    # omp task
    sort_parts(a, lo, mid, depth + 1)
    # omp task
    sort_parts(a, mid, hi, depth + 1)
    # omp taskwait


def sort_by_tasks(n):
    rng = random.Random(7)
    a = [rng.random() for _ in range(n)]
    # omp parallel
    # omp single
    sort_parts(a, 0, n, 0)
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
quarters = [a[k : k + 750] for k in range(0, 3000, 750)]
print([q == sorted(q) for q in quarters], len(a), round(sum(a), 6), a[::500])
squares, seen = squares_then_keys(40)
print(sum(squares), list(seen)[:5], list(seen.values())[-3:])
print(worker_single(10))
print(nested(4))
print(many_regions(5))
