"""Word lengths counted into a `defaultdict(int)` with `# omp atomic` on
`counts[key] += 1` (new keys appear in the loop), then printed sorted and as-is."""

from collections import defaultdict

text = ("the quick brown fox jumps over the lazy dog " * 30 + "a bb ccc dddd " * 7).split()
counts = defaultdict(int)
# omp parallel for
for i in range(len(text)):
    # omp atomic
    counts[len(text[i])] += 1

print(sorted(counts.items()))
print(sum(counts.values()), len(text))
