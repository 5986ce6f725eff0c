"""OpenMP Examples cancellation.2, ported: a binary tree searched by tasks; each task
searches one subtree, and the one that finds the value stores the node with an
atomic write and cancels the taskgroup of the search (`if(level < 10)`)."""


class Tree:
    __slots__ = ("value", "left", "right")

    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right


def make(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Tree(mid * 3 + 1, make(lo, mid - 1), make(mid + 1, hi))


def search_tree(tree, value, level):
    found = None
    if tree is not None:
        if tree.value == value:
            found = tree
        else:
            # omp task shared(found) if(level < 10)
            found_left = search_tree(tree.left, value, level + 1)
            if found_left is not None:
                # omp atomic write
                found = found_left
                # omp cancel taskgroup
            # omp end task
            # omp task shared(found) if(level < 10)
            found_right = search_tree(tree.right, value, level + 1)
            if found_right is not None:
                # omp atomic write
                found = found_right
                # omp cancel taskgroup
            # omp end task
            # omp taskwait
    return found


def search_tree_parallel(tree, value):
    found = None
    # omp parallel shared(found, tree, value)
    if True:
        # omp masked
        # omp taskgroup
        found = search_tree(tree, value, 0)
        # omp end taskgroup
        # omp end masked
    return found


root = make(0, 200)
for target in (1, 301, 604, 5):
    node = search_tree_parallel(root, target)
    print(target, None if node is None else node.value)
