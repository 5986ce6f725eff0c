"""Each iteration sorts its own bucket with a key function closing over a shared
read-only weights dict, and stores the sorted list back by key into a shared dict."""

weights = {c: (ord(c) * 7) % 11 for c in "abcdefghij"}
buckets = {k: [chr(97 + (k * j) % 10) for j in range(12)] for k in range(16)}
keys = sorted(buckets)

# omp parallel for
for n in range(len(keys)):
    k = keys[n]
    buckets[k] = sorted(buckets[k], key=lambda c: (weights[c], c))

print([("".join(buckets[k][:5])) for k in keys[:4]], sum(len(v) for v in buckets.values()))
