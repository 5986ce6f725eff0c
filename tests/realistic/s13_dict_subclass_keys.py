"""A dict subclass with __missing__ counting under critical."""
import time


class Bag(dict):
    def __missing__(self, key):
        return 0


chunks = [["a", "b", "c"], ["c", "b", "a", "d"]]
bag = Bag()
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    for w in chunks[c]:
        bag[w] = bag[w] + 1
print(list(bag.items()))
