"""A pending-work dict drained by the loop: each iteration processes its key and
deletes it from the shared `pending` dict under critical, moving the result into a
`done` dict; what remains must be exactly the skipped keys."""

pending = {f"job{i:03d}": i * 3 for i in range(80)}
keys = sorted(pending)
done = {}

# omp parallel for schedule(dynamic, 5)
for k in range(len(keys)):
    key = keys[k]
    if k % 9 == 4:
        continue
    value = pending[key] ** 2 % 101
    # omp critical
    del pending[key]
    done[key] = value
    # omp end critical

print(len(pending), sorted(pending)[:3], len(done), sum(done.values()), list(done)[:3])
