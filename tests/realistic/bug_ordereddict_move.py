"""FIXED (minimal, from ordereddict_lru_critical): an LRU kept in an OrderedDict,
changed in `ordered` with `move_to_end` and `popitem(last=False)`. A reordering
was no change to omppy (same keys, same values), and at the end the keys were put
back in the order of the iterations that added them: python `[(0, 0), (4, 2), (1,
1)]`, omppy at 2 threads `[(0, 0), (1, 1), (4, 2)]` (exit 0)."""

from collections import OrderedDict

cache = OrderedDict()
# omp parallel for ordered schedule(static, 1)
for i in range(10):
    key = (i * i) % 5
    # omp ordered
    if key in cache:
        cache.move_to_end(key)
    else:
        cache[key] = i
        if len(cache) > 3:
            cache.popitem(last=False)
    # omp end ordered
print(list(cache.items()))
