"""FIXED (minimal, from queue_drain_critical): a `queue.Queue` drained under critical.
The `queue` module was taken for handles, never watched, so each process drained
its own copy: python `[0, 1, ..., 9]`, omppy at 2 threads `[0, 0, 1, 1, ...]`
(exit 0). Now a Queue is watched as an object (its items are a deque)."""

import queue

q = queue.Queue()
for x in range(10):
    q.put(x)
done = []
# omp parallel
while True:
    # omp critical
    x = None if q.empty() else q.get()
    if x is not None:
        done.append(x)
    # omp end critical
    if x is None:
        break
print(sorted(done))
