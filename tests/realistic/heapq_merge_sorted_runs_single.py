"""Each iteration sorts its own run; `single` merges the runs with `heapq.merge`
after the loop's barrier, and a second loop reads the merged list."""

import heapq

data = [(i * 7919) % 1009 for i in range(1200)]
runs = [None] * 8
merged = []
ranks = [0] * 8
# omp parallel
if True:
    # omp for
    for r in range(8):
        runs[r] = sorted(data[r * 150:(r + 1) * 150])
    # omp single
    merged.extend(heapq.merge(*runs))
    # omp for
    for r in range(8):
        ranks[r] = merged.index(runs[r][0])
print(merged[:8], merged[-3:], ranks)
