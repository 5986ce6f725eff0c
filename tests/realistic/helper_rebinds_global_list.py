"""A helper rebinds a module-level list (`global results; results = sorted(...)`) in a
`single` inside a region, after the threads appended to it under critical."""

results = []


def collect(v):
    # omp critical
    results.append(v)


def finalise():
    global results
    # omp single
    results = sorted(set(results))


# omp parallel
if True:
    # omp for
    for i in range(80):
        collect((i * 13) % 40)
    finalise()

print(len(results), results[:8])
