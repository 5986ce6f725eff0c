"""A collections.Counter filled by a helper under critical (`c[w] += 1` in the helper);
the most_common ties are broken by insertion order, so that order matters."""
import time
from collections import Counter

votes = Counter()


def vote(name):
    votes[name] += 1


ballots = [["cat", "dog", "eel"], ["eel", "dog", "cat"]]
# omp parallel for schedule(static, 1)
for b in range(2):
    if b == 0:
        time.sleep(0.2)
    for name in ballots[b]:
        # omp critical
        vote(name)
print(votes.most_common())
