"""A collections.deque of jobs drained by every thread of a region: `popleft` under
critical until the deque is empty (a C work queue), results stored by job id; the
jobs that fail are appended to another deque."""

from collections import deque

jobs = deque(range(50))
done = [0] * 50
failed = deque()

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
        done[job] = sum(range(job))

print(sum(done), sorted(failed), len(jobs))
