"""OpenMP Examples cas.1 and cas.2, ported (github.com/OpenMP/Examples,
synchronization/sources/cas.1.c, cas.2.c): `atomic compare` keeping a minimum (an
`if` form) and a maximum (the conditional-expression form), then a lock-free enqueue:
`atomic read` of the tail, then an `atomic compare capture` that swings the tail to
the new node when it is still the one read, retried until it succeeds.  Adapted:
C's `{r = x == e; if (r) x = d; else v = x;}` capture is written as Python's
`old = x` before `if x == e: x = d` (omppy's compare capture forms), and the
conditional maximum `val_max = val[i] > val_max ? val[i] : val_max` as Python's
conditional expression."""

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
    expected = queue.tail
    while True:
        node.next = expected
        # omp atomic compare capture
        old = queue.tail
        if queue.tail == expected:
            queue.tail = node
        # omp end atomic
        if old is expected:
            return
        expected = old


# omp parallel for num_threads(2)
for i in range(1, N):
    enqueue(q, nodes[i])

found = []
node = q.tail
while node is not None:
    found.append(node.id)
    node = node.next
print("PASSED" if sorted(found) == list(range(N)) else "FAILED", len(found))
