"""A dict used as an ordered set: seen[k] = True under critical, one key per
iteration (a later iteration may add first)."""
seen = {}
# omp parallel for schedule(dynamic)
for i in range(50):
    k = (i * 17) % 23
    # omp critical
    seen[k] = True
print(list(seen))
