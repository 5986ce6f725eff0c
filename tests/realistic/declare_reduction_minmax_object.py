"""A declared reduction on a small Range class (lo, hi, n) combined with a method that
returns a new object; the initializer makes an empty Range."""


class Range:
    def __init__(self, lo=None, hi=None, n=0):
        self.lo, self.hi, self.n = lo, hi, n

    def add(self, x):
        self.lo = x if self.lo is None else min(self.lo, x)
        self.hi = x if self.hi is None else max(self.hi, x)
        self.n += 1

    def join(self, other):
        if other.n == 0:
            return self
        if self.n == 0:
            return other
        return Range(min(self.lo, other.lo), max(self.hi, other.hi), self.n + other.n)


# omp declare reduction(join : Range : omp_out = omp_out.join(omp_in)) initializer(omp_priv = Range())

xs = [((i * 7919) % 1009) - 500 for i in range(2000)]
r = Range()

# omp parallel for reduction(join:r)
for i in range(len(xs)):
    if xs[i] % 3:
        r.add(xs[i])

print(r.lo, r.hi, r.n)
