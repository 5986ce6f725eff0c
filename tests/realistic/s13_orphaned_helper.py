"""A helper with an orphaned critical, called from the region with a dict argument."""
import time


def tally(d, words):
    # omp critical
    for w in words:
        d[w] = d.get(w, 0) + 1


chunks = [["r", "s", "t"], ["t", "s", "r"]]
counts = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    tally(counts, chunks[c])
print(list(counts.items()))
