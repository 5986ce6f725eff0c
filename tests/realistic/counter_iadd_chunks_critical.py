"""Counter += Counter per chunk under critical (in-place add)."""
from collections import Counter

letters = "abracadabra alakazam hocus pocus " * 6
total = Counter()
# omp parallel for
for c in range(0, len(letters), 20):
    part = Counter(letters[c:c + 20])
    # omp critical
    total += part
print(list(total.items()))
