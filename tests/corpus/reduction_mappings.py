"""Reductions on mappings start from an empty mapping of the same type: a Counter
updated by item or by method, a dict merged with |."""

from collections import Counter

docs = [["a", "b", "a"], ["c", "a"], ["b", "b"], ["d"], ["a", "e"]] * 3
wc = Counter()
# omp parallel for reduction(+:wc)
for d in docs:
    wc.update(d)
byitem = Counter()
# omp parallel for reduction(+:byitem)
for d in docs:
    for w in d:
        byitem[w] += 1
squares = {}
# omp parallel for reduction(|:squares)
for i in range(10):
    squares[i] = i * i
print(sorted(wc.items()), wc == byitem, sorted(squares.items()))

inventory = Counter(apple=10, pear=10)
# omp parallel for reduction(-:inventory)
for fruit in ["apple", "pear", "apple"] * 2:
    inventory -= Counter({fruit: 1})
best = None
# omp parallel for reduction(max:best)
for x in [3, 9, 4, 1]:
    best = x if best is None else max(best, x)
nothing = None
# omp parallel for reduction(min:nothing)
for x in []:
    nothing = x if nothing is None else min(nothing, x)
print(sorted(inventory.items()), best, nothing)
