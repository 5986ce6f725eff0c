"""`masked` (thread 0) initialises a shared table, an explicit barrier, a loop fills
it, `single nowait` logs a summary while others go on, a final barrier and a `for`
reads it."""

table = []
log = []
out = [0] * 32

# omp parallel
if True:
    # omp masked
    table.extend([0] * 32)
    # omp barrier
    # omp for
    for i in range(32):
        table[i] = i * 3 % 10
    # omp single nowait
    log.append(("filled", sum(table)))
    # omp barrier
    # omp for
    for i in range(32):
        out[i] = table[i] + table[31 - i]

print(log, sum(out), out[:4])
