"""A tree of nodes: each top-level subtree is summarised by a recursive helper (every
node gets its subtree size and sum), one subtree per iteration of a parallel loop."""


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
        self.size = 0
        self.total = 0


def build(depth, seed):
    if depth == 0:
        return Node(seed % 10)
    return Node(seed % 10, [build(depth - 1, seed * 3 + k) for k in range(2)])


def summarise(node):
    node.size = 1
    node.total = node.value
    for c in node.children:
        summarise(c)
        node.size += c.size
        node.total += c.total


roots = [build(5, r) for r in range(8)]
# omp parallel for schedule(dynamic)
for r in range(len(roots)):
    summarise(roots[r])

print([(t.size, t.total) for t in roots])
deep = roots[3].children[1].children[0].children[1]
print(deep.size, deep.total, deep.children[0].children[0].total)
