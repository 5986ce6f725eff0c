"""Helpers containing `single` and `master` called from inside a region: a setup
helper builds a shared table in a single, a reporting helper appends a summary in
master after a barrier."""

table = []
report = []


def setup(n):
    # omp single
    table.extend((i * i) % 17 for i in range(n))


def summarise():
    # omp master
    report.append(("sum", sum(table)))


def scale(factor):
    # omp for
    for i in range(len(table)):
        table[i] *= factor


# omp parallel
if True:
    setup(50)
    scale(3)
    summarise()
    # omp barrier

print(len(table), table[:10], report)
