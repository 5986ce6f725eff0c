"""New keys of dicts a region reaches through an object's attribute (``self.counts``
in a method) or a helper's closure (``index`` of a nested function with an orphaned
critical), and keys held in a walrus (``counts[w.lower()]``), a one-element tuple
key, and a flag set on the line of a ``continue``: python's order (docs/data-sharing.md,
"Dict insertion order").  The first chunk sleeps, so at two threads and more a later
chunk's block comes first."""

import time

CHUNKS = [["The", "Cat", "sat"], ["sat", "cat", "the", "Mat"], ["mat", "dog"]]


def late(n):
    if n == 0:
        time.sleep(0.2)


class Tally:
    def __init__(self):
        self.counts = {}

    def run(self):
        # omp parallel for schedule(static, 1)
        for c in range(len(CHUNKS)):
            late(c)
            # omp critical
            for w in CHUNKS[c]:
                self.counts[w] = self.counts.get(w, 0) + 1
        return self


def build():
    index = {}

    def add(words):
        # omp critical
        for w in words:
            index[w] = index.get(w, 0) + 1

    # omp parallel for schedule(static, 1)
    for c in range(len(CHUNKS)):
        late(c)
        add(CHUNKS[c])
    return index


lower = {}
tupled = {}
seen = {}
# omp parallel for schedule(static, 1)
for c in range(len(CHUNKS)):
    late(c)
    # omp critical
    for w in CHUNKS[c]:
        lower[w.lower()] = lower.get(w.lower(), 0) + 1
        tupled[w.upper(),] = True
        if w == "dog": seen[w] = False; continue
        seen[w] = True; continue

print(list(Tally().run().counts.items()))
print(list(build().items()))
print(list(lower.items()))
print(list(tupled.items()))
print(list(seen.items()))
