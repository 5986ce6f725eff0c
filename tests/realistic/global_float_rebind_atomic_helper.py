"""A helper that rebinds a module-level float (`global energy`) under atomic and
a module-level tuple of (count, max) under critical, called from the loop."""

energy = 0.0
stats = (0, None)


def deposit(e):
    global energy, stats
    # omp atomic
    energy += e
    # omp critical
    count, best = stats
    stats = (count + 1, e if best is None or e > best else best)
    # omp end critical


# omp parallel for
for i in range(100):
    deposit(((i * 13) % 17) * 0.25)

print(round(energy, 6), stats)
