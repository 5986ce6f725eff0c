"""Objects with __eq__ and __hash__ (value semantics) added to a shared set under
critical from a parallel loop; duplicates collapse exactly as in python."""


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x},{self.y})"


seen = set()
dups = 0

# omp parallel for reduction(+:dups)
for i in range(400):
    p = Point((i * 7) % 23, (i * 3) % 11)
    # omp critical
    if True:
        if p in seen:
            dups += 1
        else:
            seen.add(p)

print(len(seen), dups, sorted(seen, key=lambda p: (p.x, p.y))[:5])
