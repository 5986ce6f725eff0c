"""Word counts keyed by w.lower(): a key computed by a call."""
import time

chunks = [["The", "Cat", "sat"], ["sat", "cat", "the", "Mat"]]
counts = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        counts[w.lower()] = counts.get(w.lower(), 0) + 1
print(list(counts.items()))
