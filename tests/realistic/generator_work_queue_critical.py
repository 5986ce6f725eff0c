"""A shared generator used as a work queue: each thread takes the next work item with
`next(jobs, None)` under critical until it is exhausted, and stores the result by the
item's own index (the C idiom of a shared queue pointer)."""


def make_jobs(n):
    for k in range(n):
        yield k, (k * 7919) % 1000


jobs = make_jobs(50)
results = [None] * 50
taken = 0

# omp parallel
while True:
    # omp critical(queue)
    item = next(jobs, None)
    if item is not None:
        taken += 1
    # omp end critical
    if item is None:
        break
    k, v = item
    results[k] = sum(d * d for d in range(v % 200))
# omp end parallel

print(taken, results[:5], sum(results))
