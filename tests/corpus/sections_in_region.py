"""sections inside a parallel region: each section runs once; firstprivate, lastprivate,
reduction and nowait; a section without the first '# omp section' line."""


def main():
    results = {}
    total = 0
    base = 10
    last = None
    # omp parallel
    # omp sections reduction(+:total) firstprivate(base) lastprivate(last)
    results["a"] = base + 1
    total += 1
    last = "first"
    # omp section
    results["b"] = base + 2
    total += 2
    last = "second"
    # omp section
    base += 100
    results["c"] = base
    total += 4
    last = "third"
    # omp end sections
    # omp sections nowait
    # omp section
    results["d"] = 4
    # omp section
    results["e"] = 5
    # omp end sections
    # omp end parallel
    print(sorted(results.items()), total, last)


main()
