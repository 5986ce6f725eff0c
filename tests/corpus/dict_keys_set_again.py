"""Keys an earlier iteration's block sets again after a later iteration's block added
them first take the earlier block's places, in the order it set them, as with python
(docs/data-sharing.md, "Dict insertion order"): a loop of stores over a chunk, a
Counter merged with ``update`` and with ``+=``, a dict used as an ordered set (the
same object stored again), keys only read by ``setdefault``, ``update`` from a
generator, f-string keys, dicts put into a dict by ``setdefault``.  The first chunk sleeps before its
blocks, so at two threads and more a later chunk's block comes first."""

import time
from collections import Counter

WORDS = "the cat sat on the mat and the dog sat on the log".split()
CHUNKS = [WORDS[i : i + 4] for i in range(0, len(WORDS), 4)]
CHUNKS = [list(reversed(c)) if n % 2 else c for n, c in enumerate(CHUNKS)]


def late(n):
    if n == 0:
        time.sleep(0.05)


counts = {}
merged = Counter()
added = Counter()
seen = {}
first = {}
pairs = {}
tagged = {}
tree = {}
# omp parallel for schedule(dynamic)
for n in range(len(CHUNKS)):
    late(n)
    chunk = CHUNKS[n]
    local = Counter(chunk)
    # omp critical
    for w in chunk:
        counts[w] = counts.get(w, 0) + 1
    # omp critical
    merged.update(local)
    # omp critical
    added += local
    # omp critical
    for w in chunk:
        seen[w] = True
    # omp critical
    for w in chunk:
        first.setdefault(w, len(w))
    # omp critical
    pairs.update((w, len(w)) for w in chunk)
    # omp critical
    for w in chunk:
        tagged[f"{w}!"] = n
    # omp end critical
    for w in chunk:
        # omp critical
        tree.setdefault(len(w), {})[w] = len(w)
print(list(counts.items()))
print(list(merged.items()), merged.most_common(3))
print(list(added.items()))
print(list(seen))
print(list(first.items()))
print(list(pairs.items()))
print(list(tagged))
print({k: list(v) for k, v in tree.items()})
