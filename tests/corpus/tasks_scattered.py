"""Tasks that change a long shared list in many scattered places (a partition's swaps):
such a change travels as one masked run (runtime/masked.py), not a run per item.
The creator scatters changes before handing tasks over (its publication carries
them), each task scatters changes over its own quarter, and a nested task list
made by a task after the team started is changed the same way."""

import random


def scatter(a, lo, hi, step, salt):
    """Swap the items of every ``step``-th pair in ``[lo, hi)``, and change a few."""
    for i in range(lo, hi - 1, step):
        a[i], a[i + 1] = a[i + 1], a[i]
    for i in range(lo + salt % step, hi, 7 * step):
        a[i] = a[i] * 2 + salt


def quarter(a, lo, hi, salt):
    scatter(a, lo, hi, 3, salt)
    inner = [x for x in a[lo:hi]]  # made by the task, wherever it runs
    total = 0.0
    # omp task shared(total)
    if True:
        scatter(inner, 0, len(inner), 4, salt + 1)
        total = sum(inner)
    # omp end task
    # omp taskwait
    return total


def main():
    rng = random.Random(11)
    data = [rng.random() for _ in range(40_000)]
    totals = [0.0] * 4
    # omp parallel
    # omp single
    if True:
        scatter(data, 0, len(data), 5, 3)  # the creator's own scattered changes
        n = len(data) // 4
        for k in range(4):
            # omp task
            totals[k] = quarter(data, k * n, (k + 1) * n, k)
        # omp taskwait
        data[::1000] = sorted(data[::1000])
    # omp end parallel
    print("sum", round(sum(data), 6))
    print("first", [round(x, 6) for x in data[:6]])
    print("every 997th", round(sum(data[::997]), 6))
    print("totals", [round(t, 6) for t in totals])


main()
