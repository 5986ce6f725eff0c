"""An OrderedDict used as an LRU: a helper calls move_to_end for known keys, under
critical."""
import time
from collections import OrderedDict

lru = OrderedDict()


def use(k):
    if k in lru:
        lru.move_to_end(k)
    else:
        lru[k] = True


chunks = [["a", "b", "a"], ["c", "b"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for k in chunks[c]:
        # omp critical
        use(k)
print(list(lru))
