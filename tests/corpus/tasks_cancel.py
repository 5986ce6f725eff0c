"""`cancel taskgroup`: searches by tasks that stop when one task finds the answer.  The
OpenMP examples' tree search (recursive tasks, `shared(found)` handed back at
`taskwait`, `cancel taskgroup` in the task that finds it); a `taskloop` search with
`cancellation point taskgroup` (its implicit taskgroup); a producer loop in `single`
with `cancel taskgroup if(...)`; a cancel in an inner taskgroup that leaves the outer
one's tasks running, and a cancel of an outer one that stops the inner ones; the same
outside any region.  Each search has one answer, so what
is printed does not depend on how many tasks ran before the others stopped."""


class Node:
    def __init__(self, ident, left=None, right=None):
        self.ident = ident
        self.value = (ident * 7919) % 1021  # a permutation of 0..1020: one node per value
        self.left = left
        self.right = right


def build(depth, counter):
    ident = counter[0]
    counter[0] += 1
    if depth == 0:
        return Node(ident)
    return Node(ident, build(depth - 1, counter), build(depth - 1, counter))


def search_tree(node, value, level):
    found = None
    if node is not None:
        if node.value == value:
            found = node
        else:
            # omp task shared(found) if(level < 10)
            if True:
                found_left = search_tree(node.left, value, level + 1)
                if found_left is not None:
                    found = found_left
                    # omp cancel taskgroup
            # omp end task
            # omp task shared(found) if(level < 10)
            if True:
                found_right = search_tree(node.right, value, level + 1)
                if found_right is not None:
                    found = found_right
                    # omp cancel taskgroup
            # omp end task
            # omp taskwait
    return found


def search_tree_parallel(root, value):
    found = None
    # omp parallel
    # omp single
    if True:
        # omp taskgroup
        found = search_tree(root, value, 0)
    # omp end parallel
    return None if found is None else (found.ident, found.value)


def search_tree_outside(root, value):
    # omp taskgroup
    found = search_tree(root, value, 0)
    return found.ident


def is_root(i, target):
    return (i * i) % 10007 == target


def taskloop_search(target):
    hits = []
    # omp parallel
    # omp single
    if True:
        # omp taskloop grainsize(40)
        for i in range(2000):
            # omp cancellation point taskgroup
            if is_root(i, target):
                # omp critical
                hits.append(i)
                # omp cancel taskgroup
    # omp end parallel
    return hits


def producer_search(candidates, target):
    where = [-1]
    # omp parallel
    # omp single
    if True:
        # omp taskgroup
        for k in range(len(candidates)):
            # omp task
            if True:
                hit = candidates[k] == target
                if hit:
                    where[0] = k
                # omp cancel taskgroup if(hit)
            # omp end task
        # omp end taskgroup
    # omp end parallel
    return where[0]


def inner_search(base, width, target):
    where = []
    # omp taskgroup
    for i in range(base, base + width):
        # omp task
        if True:
            if is_root(i, target):
                # omp critical
                where.append(i)
                # omp cancel taskgroup
        # omp end task
    # omp end taskgroup
    return where


def nested_searches(targets):
    answers = [None] * len(targets)
    # omp parallel
    # omp single
    if True:
        # omp taskgroup
        for k in range(len(targets)):
            # omp task
            answers[k] = inner_search(k * 500, 500, targets[k])
        # omp end taskgroup
    # omp end parallel
    return answers


def value_of(ident):
    return Node(ident).value


def two_level_search(target):
    """The outer group is cancelled by the task that found the answer in its block:
    the tasks of the other blocks' inner groups (nested in it) stop too."""
    found = []
    # omp parallel
    # omp single
    if True:
        # omp taskgroup
        for k in range(4):
            # omp task
            if True:
                hits = inner_search(k * 500, 500, target)
                if hits:
                    # omp critical
                    found.extend(hits)
                    # omp cancel taskgroup
            # omp end task
        # omp end taskgroup
    # omp end parallel
    return found


def main():
    root = build(8, [0])
    print("tree:", search_tree_parallel(root, value_of(300)), search_tree_parallel(root, value_of(510)))
    print("tree, absent:", search_tree_parallel(root, 1021))
    print("taskloop:", taskloop_search((1234 * 1234) % 10007))
    print("taskloop, absent:", taskloop_search(-1))
    candidates = [(k * 37) % 401 for k in range(401)]
    print("producer:", producer_search(candidates, 123), producer_search(candidates, 999))
    roots = [(i * i) % 10007 for i in (321, 777, 1499, 1803)]
    print("nested:", nested_searches(roots))
    print("two levels:", two_level_search(roots[2]), two_level_search(-1))
    # Outside any region every task runs at once, as python runs them.
    print("outside:", search_tree_outside(root, value_of(300)), inner_search(0, 500, roots[0]))


main()
