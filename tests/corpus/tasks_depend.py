"""depend ordering: a name written by one task and read by the next (out, then in:
the reader starts from the writer's value), a chain of inout tasks appending to a
shared list in creation order, a wavefront over list items (each cell depends on
the one before), readers before a writer (in, in, then out), taskwait with depend,
and the same code outside any region."""


def chain(n):
    # omp task depend(out: x) shared(x)
    x = n * 10
    # omp task depend(inout: x) shared(x)
    x = x + 1
    # omp task depend(in: x) shared(y) affinity(x)
    y = x * 2
    # omp taskwait
    return x, y


def pipeline():
    steps = []
    cells = [0] * 8
    seen = [None, None]
    # omp task depend(inout: steps)
    steps.append("a")
    # omp task depend(inout: steps)
    steps.append("b")
    # omp task depend(inout: steps)
    steps.extend(["c", "d"])
    for k in range(8):
        # omp task depend(in: cells[k - 1]) depend(out: cells[k])
        cells[k] = (cells[k - 1] if k else 1) * 2 + k
    box = {"v": 1}
    # omp task depend(in: box) depend(out: seen[0])
    seen[0] = box["v"]
    # omp task depend(in: box) depend(out: seen[1])
    seen[1] = box["v"] + 100
    # omp task depend(out: box)
    box["v"] = 5
    # omp taskwait depend(in: cells[7])
    last = cells[7]
    # omp taskwait
    return steps, cells, last, seen, box["v"]


def main():
    print("outside a region:", chain(3), pipeline())
    first = second = None
    # omp parallel
    # omp single
    if True:
        first = chain(4)
        second = pipeline()
    # omp end parallel
    print("in a region:", first, second)


main()
