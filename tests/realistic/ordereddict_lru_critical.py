"""An LRU cache kept in an OrderedDict (move_to_end, popitem(last=False)) shared by
the loop under one named critical: lookups of a skewed key stream, hits counted.
The requests are processed in `ordered` so the eviction order is python's."""

from collections import OrderedDict

CAP = 8
cache = OrderedDict()
hits = 0
misses = 0
requests = [(i * i + 3 * i) % 17 for i in range(120)]
values = [0] * len(requests)

# omp parallel for ordered schedule(static, 4)
for i in range(len(requests)):
    key = requests[i]
    cost = sum(j * key for j in range(50))  # the expensive part, in parallel
    # omp ordered
    if key in cache:
        cache.move_to_end(key)
        hits += 1
    else:
        misses += 1
        cache[key] = cost
        if len(cache) > CAP:
            cache.popitem(last=False)
    values[i] = cache[key]
    # omp end ordered

print(hits, misses, list(cache.items())[:4], sum(values))
