"""A tree sum in a taskgroup: tasks that create tasks at every level of a tree, each
storing its node's value into a shared list, with no taskwait: the taskgroup waits
for every descendant; task_reduction/in_reduction (sum, max, a list concatenated in
creation order) over tasks created in a loop; a taskgroup in a function called
outside any region."""


class Node:
    def __init__(self, ident, children=()):
        self.ident = ident
        self.children = list(children)


def build(depth, width, counter):
    ident = counter[0]
    counter[0] += 1
    if depth == 0:
        return Node(ident)
    return Node(ident, [build(depth - 1, width, counter) for _ in range(width)])


def weight(node):
    return (node.ident * 7919) % 1000


def visit(node, values):
    values[node.ident] = weight(node)
    for child in node.children:
        # omp task
        visit(child, values)


def tree_sum(root, size):
    values = [0] * size
    # omp taskgroup
    visit(root, values)
    return sum(values)


def reduced(root):
    total = 0
    biggest = -1
    order = []
    # omp taskgroup task_reduction(+: total, order) task_reduction(max: biggest)
    if True:
        stack = [root]
        while stack:
            node = stack.pop()
            # omp task in_reduction(+: total, order) in_reduction(max: biggest)
            if True:
                total += weight(node)
                biggest = max(biggest, weight(node))
                order += [node.ident]
            # omp end task
            stack.extend(node.children)
    # omp end taskgroup
    return total, biggest, order[:6]


def main():
    counter = [0]
    root = build(4, 3, counter)
    size = counter[0]
    print("outside a region:", tree_sum(root, size), reduced(root))
    first = second = None
    # omp parallel
    # omp single
    if True:
        first = tree_sum(root, size)
        second = reduced(root)
    # omp end parallel
    print("in a region:", first, second)


main()
