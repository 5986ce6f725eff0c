"""A base class's `record` fills a shared index dict; a subclass overrides `key` (called
by the base method) to lower-case names; the index is filled under critical."""
import time

index = {}


class Indexer:
    def key(self, name):
        return name

    def record(self, name):
        k = self.key(name)
        if k not in index:
            index[k] = None


class LowerIndexer(Indexer):
    def key(self, name):
        return name.lower()


ix = LowerIndexer()
chunks = [["Gamma", "alpha", "Beta"], ["beta", "ALPHA", "delta"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for name in chunks[c]:
        # omp critical
        ix.record(name)
print(list(index))
