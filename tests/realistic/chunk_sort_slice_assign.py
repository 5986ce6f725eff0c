"""Chunked sort with slice assignment into a shared list (`data[lo:hi] =
sorted(data[lo:hi])`), `rows[i].sort(key=...)` on per-row lists, and a `single`
that merges the chunks with heapq.merge."""

import heapq

data = [(i * 7919) % 1009 for i in range(400)]
rows = [[(i * j * 31) % 17 for j in range(12)] for i in range(20)]
chunks = 8
size = len(data) // chunks
merged = []

# omp parallel
if True:
    # omp for
    for c in range(chunks):
        lo, hi = c * size, (c + 1) * size
        data[lo:hi] = sorted(data[lo:hi])
    # omp for nowait
    for i in range(len(rows)):
        rows[i].sort(key=lambda v: (-v, v))
    # omp barrier
    # omp single
    merged = list(heapq.merge(*(data[c * size : (c + 1) * size] for c in range(chunks))))

print(data[:6], merged[:8], merged == sorted(data), rows[3])
