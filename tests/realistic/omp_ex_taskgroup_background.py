"""OpenMP Examples taskgroup.1, ported (github.com/OpenMP/Examples,
tasking/sources/taskgroup.1.c): a background task started in `single` runs while each
step's `taskgroup` waits for a tree traversal's tasks (and their descendants) only;
the background work is complete at the region's end."""


class Node:
    def __init__(self, key, left=None, right=None):
        self.key = key
        self.left = left
        self.right = right
        self.visits = 0


def build(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build(lo, mid), build(mid + 1, hi))


def compute_something(node):
    node.visits += 1


def compute_tree(node):
    if node.left:
        # omp task
        compute_tree(node.left)
    if node.right:
        # omp task
        compute_tree(node.right)
    # omp task
    compute_something(node)


def collect(node, out):
    if node:
        collect(node.left, out)
        out.append(node.visits)
        collect(node.right, out)


background = []
checks = []
tree = build(0, 31)
max_steps = 6
# omp parallel
# omp single
# omp task
background.extend(sum(range(k)) for k in range(200))
# omp end task
for step in range(max_steps):
    # omp taskgroup
    # omp task
    compute_tree(tree)
    # omp end task
    # omp end taskgroup
    seen = []
    collect(tree, seen)
    checks.append(set(seen) == {step + 1})
# omp end single
# omp end parallel

visits = []
collect(tree, visits)
print(checks, len(background), background[-1], visits[:5], len(visits))
