"""A user-defined reduction on a user object: `# omp declare reduction` merges
partial `Summary` objects (count, sum, min, max, and a set of categories)."""


class Summary:
    def __init__(self):
        self.n = 0
        self.total = 0
        self.lo = None
        self.hi = None
        self.cats = set()

    def add(self, x, cat):
        self.n += 1
        self.total += x
        self.lo = x if self.lo is None else min(self.lo, x)
        self.hi = x if self.hi is None else max(self.hi, x)
        self.cats.add(cat)

    def merge(self, o):
        self.n += o.n
        self.total += o.total
        for v in (o.lo, o.hi):
            if v is not None:
                self.lo = v if self.lo is None else min(self.lo, v)
                self.hi = v if self.hi is None else max(self.hi, v)
        self.cats |= o.cats


# omp declare reduction(merge : Summary : omp_out.merge(omp_in)) initializer(omp_priv = Summary())

values = [((i * 37) % 211) - 100 for i in range(500)]
s = Summary()

# omp parallel for reduction(merge: s)
for i in range(len(values)):
    s.add(values[i], "neg" if values[i] < 0 else ("zero" if values[i] == 0 else "pos"))

print(s.n, s.total, s.lo, s.hi, sorted(s.cats))
