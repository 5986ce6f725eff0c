"""A generator helper yields new words and records them in a set-like dict as it goes;
a critical block drains it with list()."""
import time

seen = {}


def fresh(words):
    for w in words:
        if w not in seen:
            seen[w] = None
            yield w


chunks = [["k", "j", "m"], ["m", "j", "n"]]
count = 0
# omp parallel for schedule(static, 1) reduction(+:count)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    # omp critical
    count += len(list(fresh(chunks[c])))
print(count, list(seen))
