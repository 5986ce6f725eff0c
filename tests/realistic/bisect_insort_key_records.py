"""Records kept sorted by a key with `bisect.insort(..., key=)` under critical; then
rank queries with `bisect_left(key=)` in a second loop."""

import bisect

records = []
# omp parallel for
for i in range(200):
    rec = {"id": i, "t": (i * 7919) % 503 + i / 1000}
    # omp critical
    bisect.insort(records, rec, key=lambda r: r["t"])
times = [r["t"] for r in records]
rank = [0] * 50
# omp parallel for
for q in range(50):
    rank[q] = bisect.bisect_left(records, q * 10, key=lambda r: r["t"])
print([r["id"] for r in records[:8]], rank[:10], rank[-1], times == sorted(times))
