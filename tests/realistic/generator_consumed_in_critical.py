"""A generator of work items consumed by next() under critical (as a shared work
queue)."""


def jobs():
    for k in range(30):
        yield k * 2


gen = jobs()
done = []
# omp parallel
if True:
    while True:
        # omp critical
        item = next(gen, None)
        if item is None:
            break
        # omp critical
        done.append(item)
# omp end parallel
print(sorted(done) == list(range(0, 60, 2)), len(done))
