"""OpenMP Examples depobj.1, ported (github.com/OpenMP/Examples,
synchronization/sources/depobj.1.c): a dependence object made `inout` on a, used by
task 1 (update_copy: may add 1 to a, always copies a to b) before task 2 reads a
(checkpoint); then updated to `in` (the second driver call does not change a) and
destroyed.

Adapted: the example passes the object to driver(); under python a depobj name is
never bound, so driver's region is written in main, once per call, with the update
between.  Python's `depend` takes an element, not `a[:n]`: a[0] stands for a."""

N = 10


def update_copy(update, a, b, n):
    if update:
        for i in range(n):
            a[i] += 1.0
    for i in range(n):
        b[i] = a[i]


def checkpoint(a, n):
    print("".join(" %f " % a[i] for i in range(n)))


def init(a, n):
    for i in range(n):
        a[i] = float(i)


def main():
    a = [0.0] * N
    b = [0.0] * N
    init(a, N)
    # omp depobj(obj) depend(inout: a[0])
    for update in (True, False):
        # omp parallel num_threads(2)
        # omp single
        # omp task depend(depobj: obj)
        update_copy(update, a, b, N)  # Task 1: may update a, always copies a to b
        # omp task depend(in: a[0])
        checkpoint(a, N)  # Task 2: only reads a
        # omp end single
        # omp end parallel
        # omp depobj(obj) update(in)
    # omp depobj(obj) destroy(obj)
    print(sum(a), sum(b))


main()
