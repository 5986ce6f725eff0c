"""A collections.deque of jobs drained by every thread of a region: `popleft` under
critical until the deque is empty (a C work queue), results stored by job id; the
jobs that fail are appended to another deque.

`job` is bound under critical(queue) (so shared) and read under critical(failed): the
value this thread just bound, as in python (session 10: entering critical(failed) took
the newest published `job`, a teammate's, at 4 threads now and then)."""

from collections import deque

jobs = deque(range(50))
done = [0] * 50
failed = deque()


def drain():
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


drain()
print(sum(done), sorted(failed), len(jobs))
