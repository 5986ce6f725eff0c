"""A lazily computed lookup table: `__getitem__` computes a missing entry, caches it
and counts the misses; the loop reads it under critical (the cache is shared
state), as memoizing container classes do."""


class LazyTable:
    def __init__(self):
        self.cache = {}
        self.misses = 0

    def __getitem__(self, k):
        if k not in self.cache:
            self.misses += 1
            self.cache[k] = sum(d * d for d in range(k * 10))
        return self.cache[k]


table = LazyTable()
out = [0] * 40
# omp parallel for
for i in range(40):
    # omp critical
    out[i] = table[i % 7]
    # omp end critical

print(sum(out), table.misses, sorted(table.cache)[:3])
