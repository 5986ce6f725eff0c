"""A sorted list of distinct values maintained with `bisect` under critical, and a
count of the values rejected as duplicates."""

import bisect

seen = []
dups = 0

# omp parallel for
for i in range(300):
    v = (i * i + 3 * i) % 211
    # omp critical
    pos = bisect.bisect_left(seen, v)
    if pos < len(seen) and seen[pos] == v:
        dups += 1
    else:
        seen.insert(pos, v)
    # omp end critical

print(len(seen), seen[:10], seen[-3:], dups)
