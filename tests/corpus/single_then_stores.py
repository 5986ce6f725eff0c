"""A synchronisation block and item stores on one object, separated by a barrier:
a single that sets up a shared list, dict or list of objects, then a loop storing into
it (or calling methods on its items); a loop filling a list, then a single or master
that adds a summary.  The published value is merged in place, and the stores made
after it are kept."""


class C:
    def __init__(self, k):
        self.k = k

    def dbl(self):
        self.k *= 2


n = 6
out = []
header = {}
cs = []
filled = [0] * n
totals = {}
# omp parallel
if True:
    # omp single
    out.extend([0] * n)
    # omp single
    header["title"] = "h"
    # omp single
    cs.extend(C(i) for i in range(n))
    # omp for
    for i in range(n):
        out[i] = i + 100
        header[i] = i * i
        cs[i].dbl()
        filled[i] = i * 3
    # omp single
    filled.append(sum(filled))
    # omp master
    totals["out"] = sum(out)
print(out, sorted(header.items(), key=str), [c.k for c in cs], filled, totals)
