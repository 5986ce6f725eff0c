"""OpenMP Examples cas.1 and cas.2, ported (github.com/OpenMP/Examples,
synchronization/sources/cas.1.c, cas.2.c): `atomic compare` keeping a minimum (an
`if` form) and a maximum (the conditional-expression form), then a lock-free enqueue:
`atomic read` of the tail, then an `atomic compare capture` that either swings the
tail to the new node or re-reads it, retried until it succeeds."""

N = 10
val = list(range(N))
val[N // 2] = 2 * N
val[N // 2 + 1] = -2 * N
val_min, val_max = 2 * N, -2 * N
# omp parallel for num_threads(2)
for i in range(1, N - 1):
    # omp atomic compare
    if val[i] < val_min:
        val_min = val[i]
    # omp atomic compare
    val_max = val[i] if val[i] > val_max else val_max
print("PASSED" if (val_max, val_min) == (2 * N, -2 * N) else "FAILED", val_min, val_max)


class Node:
    def __init__(self, ident):
        self.next = None
        self.id = ident


class Queue:
    def __init__(self, tail):
        self.tail = tail


nodes = [Node(i) for i in range(N)]
q = Queue(nodes[0])


def enqueue(queue, node):
    # omp atomic read
    node.next = queue.tail
    result = False
    while not result:
        # omp atomic compare capture
        result = queue.tail is node.next
        if result:
            queue.tail = node
        else:
            node.next = queue.tail
        # omp end atomic


# omp parallel for num_threads(2)
for i in range(1, N):
    enqueue(q, nodes[i])

found = []
node = q.tail
while node is not None:
    found.append(node.id)
    node = node.next
print("PASSED" if sorted(found) == list(range(N)) else "FAILED", len(found))
