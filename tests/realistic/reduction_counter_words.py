"""Word frequencies with `reduction(+:counts)` on a collections.Counter, plus a
`reduction(+:lengths)` on a list of per-line lengths (in order)."""

from collections import Counter

lines = [
    "it was the best of times it was the worst of times",
    "it was the age of wisdom it was the age of foolishness",
    "it was the epoch of belief it was the epoch of incredulity",
    "it was the season of light it was the season of darkness",
] * 12
counts = Counter()
lengths = []

# omp parallel for reduction(+:counts, lengths)
for i in range(len(lines)):
    counts.update(lines[i].split())
    lengths += [len(lines[i])]

print(counts.most_common(6))
print(len(lengths), lengths[:5], sum(lengths))
