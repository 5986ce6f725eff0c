"""Rosetta-code Levenshtein distance for all pairs of words, stored in a dict keyed by
the pair from a `parallel for` over pairs (itertools.combinations listed first)."""

from itertools import combinations


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


words = ["kitten", "sitting", "saturday", "sunday", "rosetta", "setter", "code", "coder"]
pairs = list(combinations(words, 2))
dist = {}
# omp parallel for
for p in range(len(pairs)):
    a, b = pairs[p]
    dist[(a, b)] = levenshtein(a, b)

print(dist[("kitten", "sitting")], sum(dist.values()), list(dist)[:3])
