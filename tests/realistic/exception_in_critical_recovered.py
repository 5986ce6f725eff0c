"""A ZeroDivisionError raised inside a critical block, caught outside the block in
the same iteration (the lock must be released, the block's changes kept)."""

log = []
vals = [0] * 40
# omp parallel for
for i in range(40):
    try:
        # omp critical
        log.append(i)
        vals[i] = 100 // (i % 5)
        # omp end critical
    except ZeroDivisionError:
        vals[i] = -1

print(sorted(log) == list(range(40)), sum(vals), vals[:6])
