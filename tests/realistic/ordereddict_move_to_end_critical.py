"""An OrderedDict used as a recency list: each iteration touches a key under
critical (`move_to_end` or insert); the final order depends on which thread came last,
so only the set of keys and the counts are printed, and a `reverse` sorted view."""

from collections import OrderedDict

recent = OrderedDict()
touches = {}

# omp parallel for
for i in range(120):
    key = f"k{(i * 7) % 13}"
    # omp critical
    if key in recent:
        recent.move_to_end(key)
        recent[key] += 1
    else:
        recent[key] = 1
    touches[key] = touches.get(key, 0) + 1
    # omp end critical

print(sorted(recent.items()), sorted(touches.items()) == sorted(recent.items()))
