"""Per-iteration results in a list; a single builds a dict by comprehension; a second
loop reads it."""
vals = [0] * 30
out = [0] * 30
# omp parallel
if True:
    # omp for
    for i in range(30):
        vals[i] = (i * 11) % 17
    # omp single
    table = {i: v for i, v in enumerate(vals) if v > 5}
    # omp end single
    # omp for
    for i in range(30):
        out[i] = table.get(i, -1)
# omp end parallel
print(out)
