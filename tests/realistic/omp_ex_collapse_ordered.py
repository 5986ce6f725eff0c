"""OpenMP Examples collapse.3, ported (github.com/OpenMP/Examples,
parallel_execution/sources/collapse.3.c): `for collapse(2) ordered private(j, k)
schedule(static, 3)` on two threads; the ordered block prints the iteration (k, j) in
the loop's order, then `work(a, j, k)` runs outside it.

Adapted: the example also prints omp_get_thread_num(), which python (one thread)
cannot match; here `work` records its result by iteration instead."""

results = {}


def work(a, j, k):
    results[(k, j)] = a * k + j * j


def sub():
    a = 5
    # omp parallel num_threads(2)
    # omp for collapse(2) ordered private(j, k) schedule(static, 3)
    for k in range(1, 4):
        for j in range(1, 3):
            # omp ordered
            print(k, j)
            # omp end ordered
            work(a, j, k)
    # omp end parallel


sub()
print(sorted(results.items()))
