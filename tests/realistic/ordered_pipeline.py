"""A `for ordered` loop where the expensive part runs in parallel and the ordered part
appends results to a list and keeps a running checksum (order matters)."""

import hashlib

results = []
digest = hashlib.sha256()
running = 0

# omp parallel for ordered schedule(static, 2)
for i in range(60):
    payload = ("block-%d" % i) * (i % 7 + 1)
    h = hashlib.md5(payload.encode()).hexdigest()[:8]
    # omp ordered
    if True:
        results.append(h)
        digest.update(h.encode())
        running = (running * 31 + int(h, 16)) % 1000000007

print(len(results), results[:3], running)
print(digest.hexdigest()[:16])
