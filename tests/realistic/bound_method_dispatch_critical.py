"""Bound methods of accumulator objects kept in a dispatch dict (`{"even": a.add, ...}`)
and called under critical: the state lives in the methods' `self`."""


class Acc:
    def __init__(self, name):
        self.name = name
        self.total = 0
        self.items = []

    def add(self, v):
        self.total += v
        self.items.append(v)


evens, odds = Acc("even"), Acc("odd")
dispatch = {0: evens.add, 1: odds.add}
# omp parallel for
for i in range(100):
    # omp critical
    dispatch[i % 2](i * i)

print(evens.total, odds.total, len(evens.items), sorted(odds.items)[:4])
