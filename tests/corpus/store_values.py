"""Stores whose value is a bare tuple, a starred tuple or a walrus, and call arguments
that are bare generators: evaluated once, in Python's order, carried back whole."""

stats = [None] * 4
acc = [(0,)] * 4
pairs = {}


class Box:
    def __init__(self):
        self.a = None
        self.seen = 0

    def add_all(self, values):
        self.seen += sum(values)


boxes = [Box() for _ in range(4)]
rest = [None] * 4
out = [None] * 8
# omp parallel for
for i in range(4):
    stats[i] = i, i * i
    acc[i] += i, -i
    boxes[i].a = i, "x"
    pairs[i] = *range(i), "end"
    rest[i]: tuple = i, 0
    k = 2 * i
    out[k] = (k := k + 1)
    boxes[i].add_all(j * i for j in range(3))
print(stats, acc, [b.a for b in boxes], sorted(pairs.items()), rest, out)
print([b.seen for b in boxes])
