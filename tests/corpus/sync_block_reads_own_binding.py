"""A name bound under one critical and read under another in the same iteration is
the value this thread just bound, as in python: a work queue drained under
critical(queue), the failing jobs recorded under critical(failed) and the kept ones
under atomic. (Taking the newest published value on entering critical(failed)
read a teammate's job: the wrong jobs were recorded, at 4 threads now and then.)"""

from collections import deque

jobs = deque(range(120))
done = [0] * 120
failed = []
kept = 0


def drain():
    global kept
    # omp parallel
    if True:
        while True:
            # omp critical(queue)
            job = jobs.popleft() if jobs else None
            # omp end critical
            if job is None:
                break
            if job % 11 == 10:
                # omp critical(failed)
                failed.append(job)
                # omp end critical
                continue
            size = sum(range(job * 50))
            # omp critical(record)
            done[job] = size % 1000 + job
            # omp end critical
            # omp atomic
            kept += 1


drain()

# The same at module level: `item` is a global bound under one lock, read under another.
items = deque(range(80))
odd = []
# omp parallel
while True:
    # omp critical(items)
    item = items.popleft() if items else None
    # omp end critical
    if item is None:
        break
    sum(range(item * 40))
    if item % 2:
        # omp critical(odd)
        odd.append(item)
        # omp end critical
# omp end parallel

print(sum(done), sorted(failed), kept, len(jobs))
print(sorted(odd) == list(range(1, 80, 2)), len(odd))
