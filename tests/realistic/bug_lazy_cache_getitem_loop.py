"""BUG (FIXED): a lazily filled table read in a `parallel for` with no critical:
`table[i]` runs the class's `__getitem__`, which stores a new key into
`self.cache` (each iteration its own key).  The translator sees a read, so the
cache was not watched and the workers' keys were lost (a different answer with exit
status 0).  Now an object whose class changes itself on a read is watched a few
levels down and compared by every block."""


class LazyTable:
    def __init__(self):
        self.cache = {}

    def __getitem__(self, k):
        if k not in self.cache:
            self.cache[k] = sum(d * d for d in range(k * 10))
        return self.cache[k]


table = LazyTable()
out = [0] * 40
# omp parallel for
for i in range(40):
    out[i] = table[i]

print(sum(out), len(table.cache), sorted(table.cache)[-3:])
