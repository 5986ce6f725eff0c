"""One region mixing constructs: sections prepare two tables, a single derives a
third, an ordered loop prints a report in order, master records a summary, and a
barrier separates the phases."""

squares = {}
cubes = {}
combined = []
summary = []

# omp parallel
if True:
    # omp sections
    # omp section
    for i in range(30):
        squares[i] = i * i
    # omp section
    for i in range(30):
        cubes[i] = i ** 3
    # omp end sections
    # omp single
    combined.extend(cubes[i] - squares[i] for i in range(30))
    # omp for ordered schedule(dynamic, 2)
    for i in range(0, 30, 3):
        val = combined[i] % 97
        # omp ordered
        print(i, val)
    # omp barrier
    # omp master
    summary.append((sum(combined), max(combined)))

print(summary)
