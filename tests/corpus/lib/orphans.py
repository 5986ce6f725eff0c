"""Orphaned constructs: work-sharing loops in functions that a region calls."""

results = [0] * 12
table = {}


def fill(n):
    # omp for
    for i in range(n):
        results[i] = i * i
        table[i] = str(i)


def total(n):
    s = 0
    # omp for reduction(+:s)
    for i in range(n):
        s += results[i]
    return s
