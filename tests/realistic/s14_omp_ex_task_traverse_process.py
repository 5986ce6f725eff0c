"""Port of the OpenMP Examples' tree traversal with tasks (tasking.1: `traverse`
spawns a task per child, then `process(p)`); here `process` records each node's
label in a shared dict under critical, and the labels' set and a checksum are
printed (the tasks' order is not python's, so the dict's order is not printed)."""


class Node:
    def __init__(self, label, left=None, right=None):
        self.label = label
        self.left = left
        self.right = right


processed = {}
weights = {}


def weight(label):
    if label not in weights:
        weights[label] = sum(map(ord, label))
    return weights[label]


def process(p):
    # omp critical
    processed[p.label] = weight(p.label)
    # omp end critical


def traverse(p):
    if p.left:
        # omp task
        traverse(p.left)
    if p.right:
        # omp task
        traverse(p.right)
    process(p)


def build(depth, label):
    if depth == 0:
        return Node(label)
    return Node(label, build(depth - 1, label + "L"), build(depth - 1, label + "R"))


root = build(4, "n")
# omp parallel
# omp single
traverse(root)
# omp end single
# omp end parallel
print(len(processed), sum(processed.values()), sorted(processed)[:6])
print(sorted(weights) == sorted(processed))
