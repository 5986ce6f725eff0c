"""OpenMP Examples tasking.1-2 (tree traversal with tasks): `traverse` creates a task
per child, waits for both (post-order), then `process`es the node, which records it
in a shared list under critical and sets a field of the node."""


class Tree:
    def __init__(self, val, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right
        self.depth_sum = 0


def make(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Tree(mid, make(lo, mid - 1), make(mid + 1, hi))


visited = []


def process(p):
    p.depth_sum = p.val + (p.left.depth_sum if p.left else 0) + (p.right.depth_sum if p.right else 0)
    # omp critical
    visited.append(p.val)
    # omp end critical


def traverse(p):
    if p.left:
        # omp task
        traverse(p.left)
    if p.right:
        # omp task
        traverse(p.right)
    # omp taskwait
    process(p)


root = make(0, 62)
# omp parallel
# omp single
traverse(root)
# omp end single
# omp end parallel

print(root.depth_sum, root.left.depth_sum, len(visited), sorted(visited) == list(range(63)), visited[-1])
