"""Orphaned work-sharing helpers: called from inside a `parallel` region of the
program, they share the loop among the team and write into rpkg.store's state."""

from rpkg import store

summary = {"n": 0, "total": 0.0}


def fill_squares(out):
    # omp for
    for i in range(len(out)):
        out[i] = i * i % 97
        store.count()


def bucketize(values, width):
    # omp for schedule(dynamic, 3)
    for i in range(len(values)):
        store.put(values[i] // width, i)


def accumulate(values):
    total = 0.0
    # omp for reduction(+:total)
    for i in range(len(values)):
        total += values[i] * 0.5
    # omp single
    summary["n"] += len(values)
    # omp single
    summary["total"] += total
    return total


def master_note(text):
    # omp master
    store.note(text)
