"""OpenMP Examples ordered.1 and ordered.3, ported: an orphaned `ordered` in `work(k)`
called from a `parallel for ordered schedule(dynamic)` with a stride, and a loop whose
iterations run one of two `ordered` blocks."""

out = []
trace = []


def work(k):
    # omp ordered
    out.append(k)


def ordered_example(lb, ub, stride):
    # omp parallel for ordered schedule(dynamic)
    for i in range(lb, ub, stride):
        work(i)


def ordered_good(n):
    # omp parallel for ordered
    for i in range(n):
        if i <= 10:
            # omp ordered
            trace.append(("a", i))
        if i > 10:
            # omp ordered
            trace.append(("b", i + 1))


ordered_example(0, 100, 5)
ordered_good(20)
print(out)
print(trace[9:13], len(trace))
