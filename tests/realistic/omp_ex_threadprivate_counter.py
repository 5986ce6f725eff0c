"""OpenMP Examples threadprivate.1, ported (github.com/OpenMP/Examples,
data_environment/sources/threadprivate.1.c): a threadprivate `counter` that
increment_counter() bumps.  Added around it: a worksharing loop calls it, and each
thread adds its own counter into a reduction; the counters keep their values into the
next region (same team size), so the second total counts both loops' calls."""

counter = 0
# omp threadprivate(counter)


def increment_counter():
    global counter
    counter += 1
    return counter


def count_calls(n):
    total = 0
    # omp parallel reduction(+: total)
    # omp for
    for i in range(n):
        increment_counter()
    total += counter
    # omp end parallel
    return total


print(count_calls(100), count_calls(50))
