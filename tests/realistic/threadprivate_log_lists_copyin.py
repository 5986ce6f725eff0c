"""A threadprivate list used as each thread's log across two regions, started from
the master's copy with copyin; each log's length summed by a reduction."""

LOG = ["start"]
# omp threadprivate(LOG)

kept = 0
# omp parallel copyin(LOG) reduction(+:kept)
if True:
    # omp for
    for i in range(40):
        LOG.append(i)
    kept += len(LOG) - 1
again = 0
# omp parallel reduction(+:again)
if True:
    # omp for
    for i in range(10):
        LOG.append(-i)
    again += sum(1 for x in LOG if isinstance(x, int) and x <= 0)
print(kept, again, LOG[0])
