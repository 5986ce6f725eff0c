"""dict.update with a generator of pairs under critical."""
import time

chunks = [["aa", "b", "ccc"], ["ccc", "b", "aa", "dddd"]]
lengths = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    lengths.update((w, len(w)) for w in chunks[c])
print(list(lengths.items()))
