"""A cache object (dict attribute) consulted and filled under critical inside a method
called from the loop; hit/miss counters on the same object."""


class Cache:
    def __init__(self):
        self.store = {}
        self.misses = 0

    def get(self, key, compute):
        # omp critical(cache)
        value = self.store.get(key)
        if value is None:
            value = compute(key)
            # omp critical(cache)
            if key not in self.store:
                self.store[key] = value
                self.misses += 1
            # omp end critical
        return value


def slow_square(k):
    s = 0
    for _ in range(k):
        s += k
    return s


cache = Cache()
out = [0] * 120
# omp parallel for schedule(dynamic, 5)
for i in range(120):
    out[i] = cache.get(i % 30, slow_square)

print(sum(out), len(cache.store), cache.misses)
