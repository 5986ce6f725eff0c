"""A bounded event ring (`deque(maxlen=...)`) and a per-level deque appended under
critical; the ring's content is order-dependent, so it is filled in `ordered`."""

from collections import deque

ring = deque(maxlen=10)
levels = {"low": deque(), "high": deque()}

# omp parallel for ordered schedule(dynamic, 3)
for i in range(60):
    v = (i * 31 + 7) % 23
    level = "high" if v > 11 else "low"
    # omp critical
    levels[level].appendleft(i)
    # omp end critical
    # omp ordered
    ring.append((i, v))
    # omp end ordered

print(list(ring))
print({k: sorted(d) [:5] for k, d in levels.items()}, len(levels["low"]), len(levels["high"]))
