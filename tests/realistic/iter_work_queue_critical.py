"""A work queue made with `iter(tasks)` and drawn with `next(it, None)` under a named
critical until it runs dry (the Python spelling of a shared loop counter); each
result is stored by the task's own index. 5,000 tasks: the list is big."""

tasks = [(k, (k * 7919) % 1000) for k in range(5000)]
it = iter(tasks)
results = [None] * len(tasks)
drawn = 0

# omp parallel
while True:
    # omp critical(queue)
    task = next(it, None)
    if task is not None:
        drawn += 1
    # omp end critical
    if task is None:
        break
    k, v = task
    results[k] = v * v % 97
# omp end parallel

print(drawn, sum(results), results[:6], next(it, "empty"))
