"""Tasks beside the constructs of issue 14 in one program: atomic updates inside
tasks, a taskloop in a 'parallel master' region, tasks created in a 'scope', a
search stopped by 'cancel for' followed by tasks in the same region, a threadprivate
counter, a doacross loop and a task-dependence chain in the same module, a
'declare reduction' on a parallel for beside a taskgroup's task_reduction."""

from omppy import omp_get_thread_num

calls = 0
# omp threadprivate(calls)


def atomic_in_tasks(n):
    hits = [0]
    # omp parallel
    if True:
        # omp single
        for i in range(n):
            # omp task
            if True:
                # omp atomic
                hits[0] += i
        # omp taskwait
    # omp end parallel
    return hits[0]


def taskloop_in_parallel_master(n):
    out = [0] * n
    acc = 0
    # omp parallel master
    if True:
        # omp taskloop grainsize(3) reduction(+: acc)
        for i in range(n):
            out[i] = i * i
            acc += i
    # omp end parallel master
    return sum(out), acc


def tasks_in_scope(n):
    found = []
    # omp parallel
    if True:
        # omp scope
        if True:
            # omp single
            for i in range(n):
                # omp task
                # omp critical
                found.append(i)
        # omp end scope
    # omp end parallel
    return sorted(found)


def search_then_tasks(data, target):
    where = -1
    # omp parallel
    if True:
        # omp for
        for i in range(len(data)):
            if data[i] == target:
                # omp critical
                where = i
                # omp cancel for
        # omp single
        for k in range(3):
            # omp task depend(inout: data)
            data.append(k)
    # omp end parallel
    return where, data[-3:]


def counting():
    global calls
    # omp parallel
    if True:
        calls += 1
    # omp end parallel
    return calls >= 1


def wavefront(n):
    grid = [[0] * n for _ in range(n)]
    # omp parallel for ordered(1) schedule(static, 1)
    for i in range(n):
        # omp ordered depend(sink: i - 1)
        grid[i][0] = (grid[i - 1][0] if i else 0) + 1
        # omp ordered depend(source)
    return [row[0] for row in grid]


def chain(n):
    steps = []
    # omp parallel
    if True:
        # omp single
        for k in range(n):
            # omp task depend(inout: steps)
            steps.append(k)
    # omp end parallel
    return steps


# omp declare reduction(join : list : omp_out.extend(omp_in)) initializer(omp_priv = [])


def declared(n):
    parts = []
    # omp parallel for reduction(join: parts)
    for i in range(n):
        parts.append(i)
    tally = 0
    # omp taskgroup task_reduction(+: tally)
    if True:
        for i in range(n):
            # omp task in_reduction(+: tally)
            tally += i
    # omp end taskgroup
    return parts, tally


print(atomic_in_tasks(20))
print(taskloop_in_parallel_master(17))
print(tasks_in_scope(6))
print(search_then_tasks([5, 3, 8, 4, 1, 9, 2, 7, 6, 0], 7))
print(counting())
print(wavefront(6))
print(chain(8))
print(declared(9))
print(omp_get_thread_num())
