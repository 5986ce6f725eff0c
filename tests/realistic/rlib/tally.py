"""A helper module WITH pragmas (translated too): module-level counters bumped by a
function through `global` under `# omp atomic`, and a module dict under critical."""

calls = 0
weight = 0
seen = {}


def bump(i, w):
    global calls, weight
    # omp atomic
    calls += 1
    # omp atomic
    weight += w
    # omp critical(seen)
    seen[i % 7] = seen.get(i % 7, 0) + 1
    # omp end critical
