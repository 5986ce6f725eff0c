"""A shared work list (collections.deque) drained by every thread of a region under
critical; results collected in a dict keyed by item."""

from collections import deque

tasks = deque((i, (i * 7) % 30 + 1) for i in range(80))
results = {}


def solve(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % 1000003
    return a


# omp parallel
while True:
    # omp critical(queue)
    task = tasks.popleft() if tasks else None
    if task is None:
        break
    ident, n = task
    value = solve(n)
    # omp critical(results)
    results[ident] = value

print(len(results), [results[i] for i in range(10)], sum(results.values()), len(tasks))
