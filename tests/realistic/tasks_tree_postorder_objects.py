"""OpenMP tasks over a binary tree (postorder); results written into node objects."""
class Node:
    def __init__(self, v, l=None, r=None):
        self.v, self.l, self.r, self.total = v, l, r, 0

def build(d, v):
    if d == 0:
        return Node(v)
    return Node(v, build(d - 1, 2 * v), build(d - 1, 2 * v + 1))

def walk(n):
    if n.l is not None:
        # omp task
        walk(n.l)
        # omp task
        walk(n.r)
        # omp taskwait
        n.total = n.v + n.l.total + n.r.total
    else:
        n.total = n.v

root = build(5, 1)
# omp parallel
if True:
    # omp single
    walk(root)
print(root.total, root.l.total, root.r.r.total)
