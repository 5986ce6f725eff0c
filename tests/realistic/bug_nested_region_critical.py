"""FIXED in session 7 (minimal, from omp_ex_barrier_regions; was refused): a critical
section inside an inactive nested region did not exclude the other threads of the
enclosing team; their appends were reported as a data race. It now runs as the
enclosing thread's critical (ThreadContext.enclosing_team)."""

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
