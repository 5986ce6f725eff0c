"""user-defined reductions: `declare reduction` with an initializer (a dict merge, a statistics object combined in place), a combiner written as an assignment (`omp_out = ...`) and as a two-argument function (`math.lcm`), one name declared for two types, a non-commutative combiner (kept in thread order), and the shortcut `reduction(math.gcd: g)`; on `parallel for`, on a `for` in a region and on `sections`."""
import math
from collections import Counter


class Stats:
    def __init__(self):
        self.count = 0
        self.total = 0

    def add(self, value):
        self.count += 1
        self.total += value

    def merge(self, other):
        self.count += other.count
        self.total += other.total


# omp declare reduction(merge : dict, Counter : omp_out.update(omp_in)) \
# omp     initializer(omp_priv = type(omp_orig)())
# omp declare reduction(merge : Stats : omp_out.merge(omp_in)) initializer(Stats())
# omp declare reduction(lcm : int : math.lcm) initializer(1)
# omp declare reduction(join : str : omp_out = omp_out + "|" + omp_in if omp_out else omp_in)


def main(n):
    words = ("the quick brown fox jumps over the lazy dog the end " * 3).split()
    counts = Counter()
    # omp parallel for reduction(merge: counts)
    for i in range(len(words)):
        counts[words[i]] += 1
    print(sorted(counts.items()))

    stats = Stats()
    # omp parallel for reduction(merge: stats)
    for i in range(n):
        stats.add(i * i)
    print(stats.count, stats.total)

    multiple = 1
    # omp parallel for reduction(lcm: multiple)
    for i in range(1, 16):
        multiple = math.lcm(multiple, i)
    print(multiple)

    g = 0
    # omp parallel
    if True:
        # omp for reduction(math.gcd: g)
        for i in range(1, n):
            g = math.gcd(g, 12 * i + 36)
    # omp end parallel
    print(g)

    path = ""
    # omp parallel for reduction(join: path) schedule(static)
    for i in range(8):
        path = path + "|" + str(i) if path else str(i)
    print(path)

    seen = {}
    # omp parallel sections reduction(merge: seen)
    # omp section
    seen["left"] = 1
    # omp section
    seen["right"] = 2
    # omp end parallel sections
    print(sorted(seen.items()))


main(30)
