"""Counter.update from each chunk's words under critical; most_common after."""
from collections import Counter

text = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod " * 9).split()
counts = Counter()
# omp parallel for
for c in range(0, len(text), 10):
    local = Counter(text[c:c + 10])
    # omp critical
    counts.update(local)
print(sorted(counts.most_common(3)), sum(counts.values()))
