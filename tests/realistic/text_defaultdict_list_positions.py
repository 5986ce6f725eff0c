"""An inverted index of word positions: defaultdict(list) appended under critical
from a parallel loop over lines; lists are sorted before printing."""

from collections import defaultdict

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
text = [" ".join(WORDS[(i * j + 3) % len(WORDS)] for j in range(8)) for i in range(120)]
index = defaultdict(list)

# omp parallel for schedule(dynamic, 4)
for ln in range(len(text)):
    for col, w in enumerate(text[ln].split()):
        # omp critical
        index[w].append((ln, col))

for w in sorted(index):
    pos = sorted(index[w])
    print(w, len(pos), pos[:3], pos[-1])
