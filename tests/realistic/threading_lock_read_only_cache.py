"""A cache class that guards its dict with a threading.Lock (user code written for
threads); the parallel loop only reads through the lock (the cache is filled before
the region), so nothing is written."""

import threading


class Cache:
    def __init__(self):
        self._lock = threading.Lock()
        self._data = {}

    def put(self, k, v):
        with self._lock:
            self._data[k] = v

    def get(self, k, default=None):
        with self._lock:
            return self._data.get(k, default)


cache = Cache()
for k in range(50):
    cache.put(k, k * k)

out = [0] * 200
# omp parallel for
for i in range(len(out)):
    out[i] = cache.get(i % 60, -1)

print(sum(out), out[48:52], len(cache._data))
