"""Tasks handing back shared names (docs/tasks.md, "Races on shared names"): the
legal ways a creator and its tasks share a name give python's answer; the racy
ones are exact-message tests in tests/test_tasks_races.py."""


def reads_after():
    total = 1
    # omp task shared(total)
    total = 5
    # omp taskwait
    return total


def writes_after():
    total = 1
    # omp task shared(total)
    total = total + 5
    # omp taskwait
    total = total * 2
    return total


def written_before():
    total = 1
    total = 3
    # omp task shared(total)
    total = total + 10
    # omp taskwait
    return total


def ordered_writers():
    x = 1
    # omp task shared(x) depend(inout: x)
    x = x + 1
    # omp task shared(x) depend(inout: x)
    x = x * 10
    # omp task shared(x) depend(inout: x)
    x = x - 3
    # omp taskwait
    return x


def in_a_loop():
    hits = [0] * 6
    last = None
    for i in range(6):
        # omp task firstprivate(i)
        hits[i] = i * i
    for i in range(3):
        # omp task shared(last)
        last = i
        # omp taskwait
    return hits, last


def mutated_not_rebound():
    # A task changing the object a shared name holds, and another rebinding a
    # different name: no binding is lost.
    items = [0]
    size = 0
    # omp task shared(items)
    items.append(1)
    # omp task shared(size)
    size = 10
    # omp taskwait
    items = items + [size]
    return items


def grouped():
    a = 0
    b = 0
    # omp taskgroup
    if True:
        # omp task shared(a)
        a = 4
        # omp task shared(b)
        b = 6
    # omp end taskgroup
    a += 1
    return a, b


def search(values, wanted):
    found = None
    # omp task shared(found)
    if True:
        for v in values[: len(values) // 2]:
            if v == wanted:
                found = v
    # omp end task
    # omp task shared(found)
    if True:
        for v in values[len(values) // 2 :]:
            if v == wanted:
                found = v
    # omp end task
    # omp taskwait
    return found


results = None
# omp parallel
# omp single
results = (
    reads_after(),
    writes_after(),
    written_before(),
    ordered_writers(),
    in_a_loop(),
    mutated_not_rebound(),
    grouped(),
    search(list(range(40)), 31),
)
# omp end parallel
print(results)
