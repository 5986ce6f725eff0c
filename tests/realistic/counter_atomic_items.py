"""A collections.Counter updated item by item with atomic (`counts[w] += 1`) in a loop
over tokens, and a dict of lists appended to under a named critical."""

from collections import Counter

tokens = [("alpha", "beta", "gamma", "delta")[(i * 7) % 4] + str(i % 3) for i in range(300)]
counts = Counter()
positions = {}

# omp parallel for
for i in range(len(tokens)):
    w = tokens[i]
    # omp atomic
    counts[w] += 1
    # omp critical(pos)
    positions.setdefault(w, []).append(i)

print(sorted(counts.items()))
print({w: sorted(p)[:3] for w, p in sorted(positions.items())})
