"""A bound method stored in a local (`lookup = cache.get_or_make`) and called in
critical; the cache object's dict order is printed."""
import time


class Cache:
    def __init__(self):
        self.d = {}

    def get_or_make(self, k):
        if k not in self.d:
            self.d[k] = [k]
        return self.d[k]


cache = Cache()
chunks = [[3, 1, 2], [2, 3, 4]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    lookup = cache.get_or_make
    for k in chunks[c]:
        # omp critical
        lookup(k)
print(list(cache.d))
