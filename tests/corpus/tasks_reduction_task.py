"""reduction(task, op: x) on parallel, for and sections, with in_reduction(op: x) on the
tasks that contribute: tasks created in `single` adding to a region's sum (and the
threads' own additions beside them), a `for` whose iterations each create a task, a
`parallel for` with `max`, `parallel sections` with `*`, a task reduction of the region
beside a taskgroup's own task_reduction inside it, a task created by a task, and an
orphaned `for` run outside any region."""


def weight(k):
    return (k * 37) % 101


def region_sum(n):
    total = 0
    visits = 0
    # omp parallel reduction(task, +: total) reduction(+: visits)
    if True:
        visits += 1
        # omp single
        for k in range(n):
            # omp task in_reduction(+: total)
            total += weight(k)
        total += 1000  # each thread's own part of the reduction
    # omp end parallel
    return total - 1000 * visits


def loop_sum(n):
    s = 0
    extra = 0
    # omp parallel
    if True:
        # omp for reduction(task, +: s) reduction(+: extra)
        for i in range(n):
            # omp task in_reduction(+: s)
            s += weight(i) * 2
            extra += 1
    # omp end parallel
    return s, extra


def loop_max(n):
    best = -1
    # omp parallel for reduction(task, max: best)
    for i in range(n):
        # omp task in_reduction(max: best)
        best = max(best, weight(i * 3))
    return best


def sections_product():
    m = 1
    # omp parallel sections reduction(task, *: m)
    # omp section
    if True:
        # omp task in_reduction(*: m)
        m *= 3
    # omp section
    if True:
        # omp task in_reduction(*: m)
        m *= 5
        m *= 7
    # omp end parallel sections
    return m


def beside_a_taskgroup(n):
    outer = 0
    inner = 0
    # omp parallel reduction(task, +: outer)
    # omp single
    if True:
        # omp taskgroup task_reduction(+: inner)
        if True:
            for k in range(n):
                # omp task in_reduction(+: outer) in_reduction(+: inner)
                if True:
                    outer += k
                    inner += 1
                # omp end task
        # omp end taskgroup
        # omp task in_reduction(+: outer)
        if True:
            # omp task in_reduction(+: outer)
            outer += 10000
            outer += inner
        # omp end task
    # omp end parallel
    return outer, inner


def orphaned(n):
    s = 0
    # omp for reduction(task, +: s)
    for i in range(n):
        # omp task in_reduction(+: s)
        s += i
    return s


print("region:", region_sum(40))
print("loop:", loop_sum(30))
print("max:", loop_max(50))
print("sections:", sections_product())
print("taskgroup:", beside_a_taskgroup(12))
print("orphaned:", orphaned(10))
