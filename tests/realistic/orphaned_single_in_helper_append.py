"""A helper with an orphaned single appends to a module list; called in a region."""
log = []


def checkpoint(tag):
    # omp single
    log.append(tag)
    # omp end single


data = [0] * 30
# omp parallel
if True:
    # omp for
    for i in range(30):
        data[i] = i * 2
    checkpoint("filled")
    # omp for
    for i in range(30):
        data[i] += 1
    checkpoint("bumped")
# omp end parallel
print(log, sum(data))
