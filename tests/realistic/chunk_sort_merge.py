"""Sorting by chunks: each chunk sorted in parallel and stored (`chunks[c] = sorted(..)`),
then a heapq.merge of the sorted chunks."""

import heapq

data = [(i * 7919 + 13) % 10007 for i in range(2000)]
C = 8
size = len(data) // C
chunks = [None] * C

# omp parallel for
for c in range(C):
    chunks[c] = sorted(data[c * size:(c + 1) * size], reverse=False)

merged = list(heapq.merge(*chunks))
print(merged == sorted(data), merged[:5], merged[-2:])
