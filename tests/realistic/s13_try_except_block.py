"""try/except KeyError in the block: the classic count."""
import time

chunks = [["h", "i", "j"], ["j", "i", "h", "k"]]
d = {}
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        try:
            d[w] += 1
        except KeyError:
            d[w] = 1
print(list(d.items()))
