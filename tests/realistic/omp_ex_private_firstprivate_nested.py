# Source: github.com/OpenMP/Examples, data_environment/sources/private.1.c and private.3.c
"""OpenMP Examples private.1 and private.3, ported: `parallel private(i)
firstprivate(j)` changes its copies (what each thread saw is collected under
`critical`); then a `parallel private(a)` whose nested `parallel for private(a)`
sets the inner copies.  The examples' asserts that the originals keep their values
are left out: under plain `python` the pragmas are comments and the stores reach
the originals (docs/data-sharing.md: private names)."""

from omppy import omp_get_thread_num


def private_1():
    i = 1
    j = 2
    seen = []
    # omp parallel private(i) firstprivate(j)
    i = 3
    j = j + 2
    # omp critical
    seen.append((i, j))
    # omp end critical
    # omp end parallel
    return sorted(set(seen))


def priv_example3():
    ok = 0
    # omp parallel private(a) reduction(+: ok)
    a = 1
    # omp parallel for private(a)
    for i in range(10):
        a = 2  # noqa: F841 (the example's private copy, never read)
    ok += 1 if omp_get_thread_num() >= 0 else 0
    # omp end parallel
    return ok > 0


print(private_1())
print(priv_example3())
