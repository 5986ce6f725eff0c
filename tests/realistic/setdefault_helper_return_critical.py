"""d.setdefault alias returned by a helper; appends under critical."""
buckets = {}

def bucket(k):
    return buckets.setdefault(k, [])

# omp parallel for
for i in range(50):
    # omp critical
    bucket(i % 6).append(i)
print(sorted((k, sum(v), len(v)) for k, v in buckets.items()))
