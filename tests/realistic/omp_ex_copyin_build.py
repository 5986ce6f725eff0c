"""OpenMP Examples copyin.1, ported: threadprivate `work`, `size` and `tol`; the master
sets `tol` and `size`, a region with `copyin(tol, size)` has every thread build its own
`work` list in a helper; a reduction sums what each thread built."""

work = []
size = 0
tol = 0.0
# omp threadprivate(work, size, tol)


def build():
    global work
    work = [tol] * size


def copyin_example(t, n):
    global tol, size
    tol = t
    size = n
    total = 0.0
    threads = 0
    # omp parallel copyin(tol, size) reduction(+:total, threads)
    build()
    total += sum(work) / len(work)
    threads += 1
    # omp end parallel
    return round(total / threads, 6)


print(copyin_example(0.25, 10), copyin_example(1.5, 7))
