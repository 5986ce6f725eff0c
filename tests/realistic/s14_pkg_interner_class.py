"""An interner object of a class from another module assigns ids by first sight under
critical; python's ids are the order of the iterations, so the ids are printed only
as the set of (string, exists) and the table's key order."""
import time

from s14pkg.memo import Interner

it = Interner()
chunks = [["b", "a", "c"], ["c", "a", "d"]]
# omp parallel for schedule(static, 1)
for c in range(2):
    if c == 0:
        time.sleep(0.2)
    for s in chunks[c]:
        # omp critical
        it.intern(s)
print(sorted(it.table), sorted(it.table.values()))
print(list(it.table))
