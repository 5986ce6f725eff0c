"""A collections.deque of jobs drained by every thread of a region: `popleft` under
critical until the deque is empty (a C work queue), results stored by job id; the
jobs that fail are appended to another deque.

The region is in a function, so `job` is a local bound in the region: private to
each thread, as `int job` declared inside the region is in C. (At module level `job`
would be one shared global, bound under critical(queue) and read under
critical(failed), whose lock orders nothing with the first: a data race in OpenMP,
and a teammate's job could be read; session 9's sweep found it so.)"""

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
