"""Helpers called from a loop change module globals, the C way: an orphaned critical
appending to a list, a memo dict filled under a named critical, a store into a global
list, a global numpy array written through its name, a counter rebound under atomic."""

import numpy as np

found = []
memo = {}
distances = [0.0] * 40
grid = np.zeros((8, 5))
count = 0
hits = {"even": 0, "odd": 0}


def record(n):
    # omp critical
    found.append(n)


def fib(n):
    if n < 2:
        return n
    # omp critical(memo)
    known = memo.get(n)
    if known is None:
        known = fib(n - 1) + fib(n - 2)
        # omp critical(memo)
        memo[n] = known
    return known


def score(i):
    d = ((i * 7) % 13) ** 0.5
    distances[i] = round(d, 6)


def paint(i):
    grid[i, :] = i * 10 + np.arange(5)


def bump(i):
    global count
    # omp atomic
    count += 1
    # omp critical
    hits["even" if i % 2 == 0 else "odd"] += 1


def is_prime(n):
    if n < 2:
        return False
    k = 2
    while k * k <= n:
        if n % k == 0:
            return False
        k += 1
    return True


# omp parallel for schedule(dynamic, 3)
for n in range(120):
    if is_prime(n):
        record(n)
print(sorted(found))

results = [0] * 25
# omp parallel for schedule(dynamic)
for i in range(25):
    results[i] = fib(i)
print(results[-1], len(memo), sorted(memo)[:5])

# omp parallel for
for i in range(40):
    score(i)
print(sum(distances), distances[:4])

# omp parallel for
for i in range(8):
    paint(i)
print(grid.sum(), grid[7].tolist())

# omp parallel for
for i in range(30):
    bump(i)
print(count, hits)
