"""A `queue.Queue` filled before the region and drained by the team under critical
(code ported from a threading version); each item's result is stored by the item's
id, and the queue's count of done tasks is kept with `task_done`."""

import queue

q = queue.Queue()
for i in range(60):
    q.put((i, f"file{i:03d}.txt"))
sizes = [0] * 60

# omp parallel
while True:
    # omp critical
    item = None if q.empty() else q.get()
    # omp end critical
    if item is None:
        break
    i, name = item
    sizes[i] = len(name) * (i % 7 + 1)
    # omp critical
    q.task_done()
    # omp end critical
# omp end parallel

print(q.qsize(), q.unfinished_tasks, sum(sizes), sizes[:5])
