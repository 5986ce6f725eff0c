"""A counter factory returns a closure over a dict; the closure counts words under
critical and the dict's order is printed (commutative counts, python's key order)."""
import time


def make_counter():
    counts = {}

    def count(w):
        counts[w] = counts.get(w, 0) + 1
        return counts

    return count


count = make_counter()
chunks = [["y", "x", "y"], ["x", "z", "y"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for w in chunks[c]:
        # omp critical
        count(w)
print(list(count("__probe__").items()))
