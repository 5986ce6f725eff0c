"""A shared list filled by index, sorted in single, then read by a second loop."""
vals = [0] * 40
ranks = [0] * 40
# omp parallel
if True:
    # omp for
    for i in range(40):
        vals[i] = (i * 29) % 41
    # omp single
    vals.sort(reverse=True)
    # omp end single
    # omp for
    for i in range(40):
        ranks[i] = vals[i] - i
# omp end parallel
print(vals[:5], sum(ranks))
