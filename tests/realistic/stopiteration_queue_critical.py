"""A work queue drawn with `next(it)` inside critical and StopIteration caught to
end each thread's loop (exceptions for control flow), results by index."""

work = list(range(60))
it = iter(work)
out = [None] * 60

# omp parallel
while True:
    # omp critical
    try:
        k = next(it)
    except StopIteration:
        k = None
    # omp end critical
    if k is None:
        break
    out[k] = k * k % 13
# omp end parallel

print(sum(out), out[:6], next(it, "done"))
