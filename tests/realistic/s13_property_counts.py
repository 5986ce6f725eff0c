"""A dict reached through a property that counts its reads, updated under critical
in a method's region."""
import time


class Index:
    def __init__(self):
        self._counts = {}
        self.reads = 0

    @property
    def counts(self):
        self.reads += 1
        return self._counts

    def add_all(self, chunks):
        # omp parallel for schedule(static, 1)
        for c in range(len(chunks)):
            if c == 0:
                time.sleep(0.3)
            # omp critical
            for w in chunks[c]:
                self.counts[w] = self.counts.get(w, 0) + 1


ix = Index()
ix.add_all([["a", "b", "c"], ["c", "b", "a", "d"]])
print(list(ix._counts.items()), ix.reads)
