"""Keys that tasks add to shared dicts come out in the order python adds them (each
task run at once where it is created), whichever thread ran which task and when: a
producer loop in single, seen right after its taskwait and after the region; a
recursive tree of tasks in a taskgroup with keys added before and after the tasks
each node creates; tasks created in the iterations of a parallel for."""


def spin(k):
    s = 0
    for i in range(3000 * (4 - k % 4)):
        s += i
    return s % 97


def walk(node, depth, seen):
    seen[f"pre {node}"] = depth
    if depth < 3:
        for child in range(3):
            # omp task
            walk(node * 3 + child + 1, depth + 1, seen)
    seen[f"post {node}"] = spin(node)


def main():
    found = {}
    snapshot = None
    # omp parallel
    # omp single
    if True:
        found["first"] = 0
        for k in range(10):
            # omp task
            found[k] = spin(k)
        found["middle"] = 1
        # omp taskwait
        found["last"] = 2
        snapshot = list(found)
    # omp end parallel
    print(snapshot)
    print(found)

    seen = {}
    # omp parallel
    # omp single
    if True:
        # omp taskgroup
        walk(0, 0, seen)
    # omp end parallel
    print(list(seen))
    print(sum(seen.values()))

    table = {}
    # omp parallel for schedule(dynamic, 2)
    for i in range(12):
        table[f"loop {i}"] = i
        # omp task
        table[f"task {i}"] = spin(i)
        table[f"after {i}"] = -i
    print(list(table))


main()
