"""OpenMP Examples ordered.2/.3 shapes: an `ordered` loop where only some iterations
reach the ordered block (each at most once), under a dynamic schedule, appending to
a log; and an orphaned ordered block in a helper."""

log = []


def emit(i, v):
    # omp ordered
    log.append(f"{i}:{v}")
    # omp end ordered


# omp parallel for ordered schedule(dynamic, 2)
for i in range(40):
    v = (i * i) % 11
    if v > 5:
        # omp ordered
        log.append(i)
        # omp end ordered

# omp parallel for ordered schedule(dynamic)
for i in range(20):
    emit(i, i * 3)

print(log)
