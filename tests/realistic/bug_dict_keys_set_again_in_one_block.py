"""Word counts merged into a shared dict under critical, one block per chunk of words
(`counts[w] = counts.get(w, 0) + 1` for each word of the chunk). When a later
iteration's block adds the keys first, an earlier iteration's block that sets several
of them again should put them in python's order; omppy only knows which keys the
block set, not in what order, so the dict printed in another key order."""
import time

chunks = [["a", "b", "c", "d"], ["d", "c", "b", "a"]]
counts = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        counts[w] = counts.get(w, 0) + 1
print(list(counts.items()))
