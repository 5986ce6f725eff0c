"""Bucket sort: values scattered into per-bucket lists under critical, each bucket
sorted in place by one iteration (`buckets[b].sort()`), then concatenated."""

values = [((i * 2654435761) % 1000003) / 1000003 for i in range(1000)]
B = 10
buckets = [[] for _ in range(B)]

# omp parallel for
for i in range(len(values)):
    b = min(int(values[i] * B), B - 1)
    # omp critical
    buckets[b].append(values[i])

# omp parallel for schedule(dynamic)
for b in range(B):
    buckets[b].sort()

merged = [v for bk in buckets for v in bk]
print(merged == sorted(values), [len(bk) for bk in buckets], round(merged[500], 9))
