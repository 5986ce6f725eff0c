"""A callee's taskwait waits for its caller's tasks too (every child of the current
task), but the shared names those tasks bind belong to the caller: python binds them
in the caller, and so must omppy, at the caller's own taskwait, on both backends."""


def helper_waits(k):
    r = 0
    # omp task shared(r)
    r = 2 * k
    # omp taskwait
    return r


def caller(k):
    r = 0
    # omp task shared(r)
    r = k + 1
    other = helper_waits(k)
    # omp taskwait
    return r, other


def nested(k):
    a = b = 0
    # omp task shared(a)
    a = k
    first = caller(k)
    # omp task shared(b)
    b = -k
    second = helper_waits(k + 1)
    # omp taskwait
    return a, b, first, second


results = [None] * 6
# omp parallel
# omp single
for k in range(6):
    results[k] = nested(k) if k % 2 else caller(k)
# omp end parallel
print(results)
