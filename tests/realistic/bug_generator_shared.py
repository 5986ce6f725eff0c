"""NOW AN ERROR (minimal, from generator_work_queue_critical): a generator shared as
a work queue, drawn with `next()` under critical. Each process advanced its own
copy, so every item was processed by every thread: python `[0, 1, 2, 3, 4, 5]`,
omppy at 2 threads `[0, 0, 1, 1, 2, 2, ...]` (exit 0). A generator cannot be
shared between processes: a worker that advances one is now an OmpError naming
it (GeneratorShadow in omppy/runtime/shadow.py)."""


def jobs():
    yield from range(6)


gen = jobs()
done = []
# omp parallel
while True:
    # omp critical
    item = next(gen, None)
    if item is not None:
        done.append(item)
    # omp end critical
    if item is None:
        break
print(sorted(done))
