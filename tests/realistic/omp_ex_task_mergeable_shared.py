"""OpenMP Examples tasking.11, ported (github.com/OpenMP/Examples,
tasking/sources/tasking.11.c): a `mergeable` task with `shared(x)` increments x and
a taskwait precedes the print, so it prints 3 whether or not the task is merged.
(tasking.12, the same without `shared(x)`, prints 2 or 3 in OpenMP and is no test.)
foo is called orphaned, from a single, and by every thread."""


def foo():
    x = 2
    # omp task shared(x) mergeable
    x += 1
    # omp end task
    # omp taskwait
    return x


print(foo())
# omp parallel
# omp single
print(foo())
# omp end single
# omp end parallel
got = []
# omp parallel for
for k in range(8):
    value = foo()
    # omp critical
    got.append(value)
print(got)
