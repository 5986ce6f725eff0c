"""pymp's unit test test_xrange (github.com/classner/pymp, tests/unittests.py),
ported to pragmas as a pymp user would: a nested team (pymp's `with pymp.Parallel(2):
with pymp.Parallel(2) as p: for i in p.xrange(...)`) becomes an outer `parallel for
num_threads(2)` over blocks with an inner `parallel for` appending to a shared list
under `critical`.

Adapted: pymp's test appends once per thread of the team (its result depends on the
team size); here each loop iteration appends once, so python's list is the answer."""

from omppy import omp_set_max_active_levels

omp_set_max_active_levels(2)
tlist = []
# omp parallel for num_threads(2)
for block in range(2):
    # omp parallel for num_threads(2)
    for i in range(4):
        # omp critical
        tlist.append(block * 10 + i)
print(sorted(tlist))

