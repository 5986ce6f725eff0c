"""A defaultdict(list) grouped by a helper under critical; the groups' order and the
sorted members are printed."""
import time
from collections import defaultdict

groups = defaultdict(list)


def put(word):
    groups[word[0]].append(word)


chunks = [["bee", "ant", "cow"], ["cat", "bat", "ape"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for w in chunks[c]:
        # omp critical
        put(w)
print([(k, sorted(v)) for k, v in groups.items()])
