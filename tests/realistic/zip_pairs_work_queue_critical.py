"""A work queue made with `zip(names, sizes)` and drawn with `next(pairs, None)`
inside a critical by every thread of a `parallel` region (the C idiom of a shared
cursor); results appended under a second critical."""

names = [f"job{i:02d}" for i in range(30)]
sizes = [(i * 3) % 7 + 1 for i in range(30)]
pairs = zip(names, sizes)
done = []

# omp parallel
while True:
    # omp critical(queue)
    item = next(pairs, None)
    # omp end critical
    if item is None:
        break
    name, size = item
    cost = sum(k * k for k in range(size * 10))
    # omp critical(results)
    done.append((name, cost))
    # omp end critical
# omp end parallel

print(len(done), sorted(done)[:3], sum(c for _, c in done), next(pairs, "empty"))
