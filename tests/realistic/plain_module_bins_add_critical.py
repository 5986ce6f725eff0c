"""`bins.BINS[k].add(i)` under critical: objects of a module without pragmas whose method
is named `add`. Session 6 found it lost with exit status 0 on main (the translator took
`.add` for `set.add`, one level deep, and the block compared no further); now a call
of an attribute of what an imported name holds runs another module's code."""
from rlib import bins

# omp parallel for
for i in range(24):
    # omp critical
    bins.BINS[i % 3].add(i)
print([sorted(b.items) for b in bins.BINS])
