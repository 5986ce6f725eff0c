"""A class whose method runs the region and counts into self.counts under critical."""
import time


class Tally:
    def __init__(self):
        self.counts = {}

    def run(self, chunks):
        # omp parallel for schedule(static, 1)
        for c in range(len(chunks)):
            if c == 0:
                time.sleep(0.3)
            # omp critical
            for w in chunks[c]:
                self.counts[w] = self.counts.get(w, 0) + 1
        return self


t = Tally().run([["u", "v", "w"], ["w", "v", "u"], ["v"]])
print(list(t.counts.items()))
