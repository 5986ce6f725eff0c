"""A cache keyed by a method's result (`cache[self.key(x)]`) in a class's method,
with `setdefault(...).append` and a key made by `str.join`."""
import time
from collections import defaultdict


class Grouper:
    def __init__(self):
        self.groups = defaultdict(list)
        self.sizes = {}

    def key(self, word):
        return "".join(sorted(word))

    def run(self, chunks):
        # omp parallel for schedule(static, 1)
        for c in range(len(chunks)):
            if c == 0:
                time.sleep(0.3)
            # omp critical
            for w in chunks[c]:
                self.groups[self.key(w)].append(w)
                self.sizes[len(w), self.key(w)[0]] = True
        return self


g = Grouper().run([["tea", "eat", "tan"], ["nat", "ate", "bat"]])
print([(k, sorted(v)) for k, v in g.groups.items()])
print(list(g.sizes))
