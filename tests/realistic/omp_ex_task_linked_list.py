"""OpenMP Examples tasking.3, ported: one thread walks a linked list in `single`
and makes a task per node (`firstprivate(p)`); each task processes its node."""


class Node:
    def __init__(self, value, nxt=None):
        self.value = value
        self.next = nxt
        self.result = None


def build(n):
    head = None
    for v in reversed(range(n)):
        head = Node(v, head)
    return head


def process(p):
    acc = 0
    for k in range(p.value % 11 + 1):
        acc += (p.value + k) ** 2
    p.result = acc


head = build(60)
# omp parallel
if True:
    # omp single
    p = head
    while p is not None:
        # omp task firstprivate(p)
        process(p)
        p = p.next
    # omp end single

out = []
p = head
while p is not None:
    out.append(p.result)
    p = p.next
print(out[:5], sum(out), len(out))
