"""Tasks that run at once where they are created (``if(0)``, ``final`` and its
descendants, tasks below the cut-off): the region's shared names they bind reach
every thread after the ``single`` (a number, then a list); keys they add to a shared
dict, and keys the deferred tasks they create add, come in python's order; a tree
whose tasks are ``final`` below a depth; undeferred tasks in the iterations of a
``parallel for``; a loop of tiny tasks that the cut-off soon runs at once."""


def spin(k):
    s = 0
    for i in range(1500 * (1 + k % 3)):
        s += i
    return s % 89


def walk(node, depth, seen):
    seen[f"pre {node}"] = depth
    if depth < 3:
        for child in range(2):
            # omp task final(depth >= 1)
            walk(node * 2 + child + 1, depth + 1, seen)
    seen[f"post {node}"] = spin(node)


def main():
    total = 0
    last = None
    order = {}
    # omp parallel
    # omp single
    if True:
        for i in range(30):
            # omp task if(0) shared(total)
            total = total + spin(i)
        # omp task if(0) shared(last)
        last = [total, "after the loop"]
        order["first"] = 0
        for k in range(6):
            # omp task if(k % 2 == 0)
            if True:
                order[f"outer {k}"] = spin(k)
                # omp task
                order[f"inner {k}"] = spin(k + 1)
                order[f"outer after {k}"] = k
        order["last"] = 1
    # omp end parallel
    print(total, last)
    print(list(order))
    print(sum(order.values()))

    seen = {}
    # omp parallel
    # omp single
    if True:
        # omp taskgroup
        walk(0, 0, seen)
    # omp end parallel
    print(list(seen))
    print(sum(seen.values()))

    results = [0] * 16
    # omp parallel for schedule(dynamic)
    for i in range(16):
        value = 0
        # omp task if(0) shared(value)
        value = spin(i) + i
        results[i] = value
    print(results)

    cells = [0] * 300
    # omp parallel
    # omp single
    for i in range(300):
        # omp task
        cells[i] = i * 3
    # omp end parallel
    print(sum(cells), cells[:5], cells[-3:])


main()
