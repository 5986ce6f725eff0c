"""OpenMP Examples worksharing_critical.1, ported: a critical section inside a section
of `parallel sections` contains a nested `parallel` region whose `single` increments
a shared counter (nesting inactive: the inner team has one thread)."""

i = 1
log = []

# omp parallel sections
# omp section
if True:
    # omp critical(name)
    if True:
        # omp parallel
        if True:
            # omp single
            if True:
                i += 1
                log.append(i)
            # omp end single
    # omp end critical
# omp section
# omp critical(name)
log.append(0)
# omp end parallel sections

print(i, sorted(log))
