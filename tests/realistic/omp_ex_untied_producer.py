"""OpenMP Examples tasking.5 and tasking.6, ported (github.com/OpenMP/Examples,
tasking/sources/tasking.5.c, tasking.6.c): a producer loop in `single` makes one task
per item (`i` firstprivate, `item` shared); then the producer loop itself runs in an
`untied` task."""

LARGE = 400
item = [float(i % 17) for i in range(LARGE)]
processed = [0.0] * LARGE
processed2 = [0.0] * LARGE


def process(out, i, v):
    out[i] = v * v + 1


# omp parallel
if True:
    # omp single
    for i in range(LARGE):
        # omp task
        process(processed, i, item[i])
    # omp single
    # omp task untied
    for i in range(LARGE):
        # omp task
        process(processed2, i, item[i])
    # omp end task

print(sum(processed), processed == processed2)
