"""FIXED (minimal, from iadd_bag_merge): a class whose `__iadd__` extends a list it
holds and returns `self`. `return self` counted as "leaves the code omppy looked
at", and a name merged under critical (`total += Bag([k])`) was not watched below
its own attributes: python `[[0, 0], ..., [3, 30]] [0, 1, 2, 3]`, omppy at 2
threads `[[0, 0], [1, 10], [], []] [0, 1, 2, 3]`, at 3-4 threads also `total`
short of an item, e.g. `[0, 1, 3]` (exit 0). Now a store by `+=` runs the module's
`__iadd__` in the analysis."""


class Bag:
    def __init__(self, items=()):
        self.items = list(items)

    def __iadd__(self, other):
        self.items.extend(other.items)
        return self


bags = [Bag() for _ in range(4)]
total = Bag()
# omp parallel for
for k in range(4):
    bags[k] += Bag([k, k * 10])
    # omp critical
    total += Bag([k])
    # omp end critical
print([b.items for b in bags], sorted(total.items))
