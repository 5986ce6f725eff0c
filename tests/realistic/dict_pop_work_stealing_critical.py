"""A shared dict of pending jobs drained with `popitem()` under critical in a region's while loop (each thread takes jobs until none remain); results into a dict under the same critical."""

pending = {f"job{k:02d}": k * 3 % 11 for k in range(25)}
results = {}
# omp parallel
while True:
    job = None
    # omp critical(queue)
    if pending:
        job = pending.popitem()
    # omp end critical
    if job is None:
        break
    name, cost = job
    value = sum(range(cost * 100))
    # omp critical(queue)
    results[name] = value
    # omp end critical
# omp end parallel
print(len(results), sum(results.values()), sorted(results.items())[:3])
