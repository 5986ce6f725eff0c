"""Shapes from session 11's ports of other people's programs: an orphaned `single
copyprivate(...)` naming `threadprivate` globals, in a function every thread calls
(OpenMP Examples copyprivate.1, data_environment/sources/copyprivate.1.c): every
thread holds the values the single bound."""

x = 0.0
y = 0.0
# omp threadprivate(x, y)

LINES = ["1.5 2.5 3.5 4.5", "5 6 7 8"]


def init(a, b, line):
    global x, y
    # omp single copyprivate(a, b, x, y)
    a, b, x, y = (float(t) for t in LINES[line].split())
    # omp end single
    return a, b


def region(line):
    held = []
    # omp parallel
    a, b = init(0.0, 0.0, line)
    # omp critical
    held.append((a, b, x, y))
    # omp end critical
    # omp end parallel
    return sorted(set(held))


print(region(0))
print(region(1))
