"""A module global rebound through `globals()[name] = ...` in `single`, then read by a
helper in a later loop of the same region."""

threshold = 10
counts = [0] * 40


def over(v):
    return v > threshold


# omp parallel
if True:
    # omp single
    globals()["threshold"] = 25
    # omp end single
    # omp for
    for i in range(40):
        counts[i] = sum(1 for k in range(i * 2) if over(k))

print(threshold, sum(counts), counts[-3:])
