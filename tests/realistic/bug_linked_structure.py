"""BUG (minimal, from tree_subtree_sums): a helper walks a linked structure (a chain
of nodes) from the root it is given and marks every node: nodes more than a level or
two below the root keep their old state outside thread 0."""


class Node:
    def __init__(self, child=None):
        self.child = child
        self.mark = 0


def visit(node):
    while node is not None:
        node.mark = 1
        node = node.child


roots = [Node(Node(Node())) for _ in range(4)]
# omp parallel for
for r in range(4):
    visit(roots[r])
print([roots[r].child.child.mark for r in range(4)])
