"""A function whose inner helper keeps running statistics in `nonlocal` names, called
only under `# omp critical` from a parallel loop inside the enclosing function."""


def summarize(values):
    count = 0
    lo = None
    hi = None

    def see(v):
        nonlocal count, lo, hi
        count += 1
        lo = v if lo is None or v < lo else lo
        hi = v if hi is None or v > hi else hi

    # omp parallel for
    for i in range(len(values)):
        v = values[i] * 2 - 7
        # omp critical
        see(v)
    return count, lo, hi


print(summarize([(i * 37) % 101 for i in range(250)]))
