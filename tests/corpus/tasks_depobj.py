"""Dependence objects: `# omp depobj(o) depend(inout: cell[0])` makes o, tasks with
`depend(depobj: o)` are ordered by it as by the dependence it holds (a chain of
read-modify-write tasks on one list item), `update(in)` turns it into a reader
(readers after the writers, a writer after them by its own depend), `destroy`
ends it; an object on an attribute (`node.total`), two objects on one task,
`taskwait depend(depobj: o)`, an object made outside a region and used inside it,
one made again after `destroy`, one made, updated and destroyed in a `single`, and the same code outside any region.  Under python the pragmas are comments: the names o never exist."""


class Node:
    def __init__(self):
        self.total = 1


def chain(n):
    cell = [1]
    seen = [None] * n
    # omp depobj(o) depend(inout: cell[0])
    for k in range(n):
        # omp task depend(depobj: o)
        cell[0] = cell[0] * 3 + k
    # omp depobj(o) update(in)
    for k in range(n):
        # omp task depend(depobj: o) depend(out: seen[k])
        seen[k] = cell[0] % 1000 + k
    # omp task depend(inout: cell[0])
    cell[0] = -cell[0]
    # omp taskwait depend(depobj: o)
    # omp taskwait
    # omp depobj(o) destroy
    return cell[0], seen


def attributes():
    node = Node()
    # omp depobj(t) depend(out: node.total)
    for k in range(4):
        # omp task depend(depobj: t) shared(node)
        node.total = node.total * 10 + k
    # omp taskwait
    return node.total


def two_objects(n):
    left = [0] * n
    right = [0] * n
    # omp depobj(a) depend(inout: left[0])
    # omp depobj(b) depend(inout: right[0])
    for k in range(n):
        # omp task depend(depobj: a, b)
        left[0], right[0] = right[0] + k, left[0] * 2 + 1
    # omp depobj(a) destroy
    # omp depobj(a) depend(in: right[0])
    # omp task depend(depobj: a) depend(out: left[1])
    left[1] = right[0] * 10
    # omp taskwait
    return left[:2], right[0]


def made_outside(n):
    cell = [2]
    # omp depobj(o) depend(inout: cell[0])
    # omp parallel
    # omp single
    for k in range(n):
        # omp task depend(depobj: o)
        cell[0] = cell[0] * 2 + 1
    # omp end parallel
    # omp depobj(o) destroy
    return cell[0]


def made_in_single(n):
    cell = [1]
    # omp parallel
    # omp single
    if True:
        # omp depobj(o) depend(inout: cell[0])
        for k in range(n):
            # omp task depend(depobj: o)
            cell[0] = cell[0] * 3 + k
        # omp depobj(o) update(in)
        # omp taskwait depend(depobj: o)
        # omp depobj(o) destroy
    # omp end parallel
    return cell[0]


def run():
    return chain(6), attributes(), two_objects(7)


def run_parallel():
    result = None
    # omp parallel
    # omp single
    result = run()
    # omp end parallel
    return result


print("region:", run_parallel())
print("made outside:", made_outside(5))
print("made in single:", made_in_single(6))
print("outside:", run())
