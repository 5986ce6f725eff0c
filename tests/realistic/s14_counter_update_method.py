"""A method updates `self.counts` (a Counter) with a chunk's words; called under
critical; most_common breaks ties by first insertion."""
import time
from collections import Counter


class Stats:
    def __init__(self):
        self.counts = Counter()

    def add(self, words):
        self.counts.update(words)


st = Stats()
chunks = [["kiwi", "fig", "plum"], ["plum", "kiwi", "fig"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    # omp critical
    st.add(chunks[c])
print(st.counts.most_common())
