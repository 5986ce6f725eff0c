"""OpenMP Examples critical.1, ported: every thread takes the next item of an
x queue under `critical(xaxis)` and of a y queue under `critical(yaxis)` until both
are empty, and works on it; results land in slots named by the item."""

from collections import deque

x_queue = deque(range(0, 40, 2))
y_queue = deque(range(1, 40, 2))
done = [None] * 40


def work(item):
    return sum(k * k for k in range(item % 7 + 3)) + item


# omp parallel shared(x_queue, y_queue, done) private(x_next, y_next)
if True:
    while True:
        x_next = None
        y_next = None
        # omp critical(xaxis)
        if x_queue:
            x_next = x_queue.popleft()
        # omp end critical
        if x_next is not None:
            done[x_next] = work(x_next)
        # omp critical(yaxis)
        if y_queue:
            y_next = y_queue.popleft()
        # omp end critical
        if y_next is not None:
            done[y_next] = work(y_next)
        if x_next is None and y_next is None:
            break

print(done)
print(len(x_queue), len(y_queue), sum(done))
