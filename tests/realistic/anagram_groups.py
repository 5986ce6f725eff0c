"""Grouping words into anagram classes: the key (sorted letters) computed in
parallel, groups kept in a shared dict of lists under critical."""

import itertools

base = ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog", "god",
        "evil", "vile", "live", "veil", "night", "thing", "inlets", "banana"]
words = [w for w in base for _ in range(2)] + ["".join(p) for p in itertools.permutations("stop")][:12]
groups = {}

# omp parallel for schedule(dynamic, 3)
for w in words:
    key = "".join(sorted(w))
    # omp critical
    groups.setdefault(key, []).append(w)

for key in sorted(groups):
    print(key, sorted(groups[key]))
