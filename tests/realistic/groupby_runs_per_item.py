"""Run-length statistics per string with `itertools.groupby` in the body; the longest
run overall found by a max reduction on (length, item, char) tuples."""

import itertools

words = ["".join("ab"[(i >> k) & 1] * ((i + k) % 3 + 1) for k in range(6)) for i in range(200)]
runs = [0] * len(words)
longest = (0, -1, "")
# omp parallel for reduction(max:longest)
for i in range(len(words)):
    groups = [(ch, len(list(g))) for ch, g in itertools.groupby(words[i])]
    runs[i] = len(groups)
    for ch, n in groups:
        longest = max(longest, (n, i, ch))
print(sum(runs), longest, words[longest[1]])
