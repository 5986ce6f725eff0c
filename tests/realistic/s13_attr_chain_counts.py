"""self.stats.counts[k] through an attribute chain in a method with the region."""
import time


class Stats:
    def __init__(self):
        self.counts = {}


class Runner:
    def __init__(self):
        self.stats = Stats()

    def go(self, chunks):
        # omp parallel for schedule(static, 1)
        for c in range(len(chunks)):
            if c == 0:
                time.sleep(0.3)
            # omp critical
            for w in chunks[c]:
                self.stats.counts[w] = self.stats.counts.get(w, 0) + 1


r = Runner()
r.go([["p", "q"], ["q", "p", "r"]])
print(list(r.stats.counts.items()))
