"""A tree of dataclass nodes; a task per child computes subtree size and height
recursively (taskwait before combining), the root call in a single."""

from dataclasses import dataclass, field


@dataclass
class Node:
    key: int
    children: list = field(default_factory=list)
    size: int = 0
    height: int = 0


def build(k, depth):
    n = Node(k)
    if depth < 5:
        for c in range(1 + k % 3):
            n.children.append(build(k * 3 + c + 1, depth + 1))
    return n


def measure(n):
    for c in n.children:
        # omp task
        measure(c)
    # omp taskwait
    n.size = 1 + sum(c.size for c in n.children)
    n.height = 1 + max((c.height for c in n.children), default=0)


root = build(1, 0)
# omp parallel
# omp single
measure(root)

print(root.size, root.height, [c.size for c in root.children])
