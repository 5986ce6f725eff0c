"""Moving keys: pop then re-add under critical (an LRU-ish touch)."""
cache = {k: k * k for k in range(10)}
# omp parallel for
for i in range(10):
    k = (i * 3) % 10
    # omp critical
    cache[k] = cache.pop(k) + 1
print(sorted(cache.items()))
