"""BUG (minimal, from omp_ex_barrier_regions; refused): a critical section inside an
inactive nested region does not exclude the other threads of the enclosing team;
their appends are reported as a data race."""

done = []


def work(i):
    # omp critical
    done.append(i)


def inner(i):
    # omp parallel
    work(i)


# omp parallel for
for i in range(4):
    inner(i)
print(sorted(done))
