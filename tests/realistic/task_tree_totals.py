"""A recursive tree walk with tasks: each node's subtree total is computed by a task
per child (`shared` results combined after `taskwait`) and also stored on the node
object itself, as a C program would store into the node struct."""


class Node:
    def __init__(self, key, children):
        self.key = key
        self.children = children
        self.total = None


def build(depth, key):
    if depth == 0:
        return Node(key, [])
    return Node(key, [build(depth - 1, key * 3 + c) for c in range(3)])


def subtotal(node):
    if not node.children:
        node.total = node.key % 10
        return node.total
    parts = [0] * len(node.children)
    for c in range(len(node.children)):
        # omp task shared(parts) firstprivate(c)
        parts[c] = subtotal(node.children[c])
    # omp taskwait
    node.total = sum(parts) + node.key % 10
    return node.total


root = build(5, 1)
result = 0
# omp parallel
# omp single
result = subtotal(root)
# omp end single
# omp end parallel

print(result, root.total, [c.total for c in root.children], root.children[2].children[1].total)
