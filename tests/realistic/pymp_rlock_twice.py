"""pymp's unit test test_rlock (github.com/classner/pymp, tests/unittests.py), ported
to pragmas as a pymp user would: pymp's shared.rlock taken twice by each thread
becomes an OpenMP nest lock set twice around the append to a shared list.

Adapted: pymp's test appends once per thread of the team (its result depends on the
team size); here each loop iteration appends once, so python's list is the answer."""

from omppy import omp_init_nest_lock, omp_set_nest_lock, omp_unset_nest_lock

rlock = omp_init_nest_lock()
tlist2 = []
# omp parallel for
for i in range(12):
    omp_set_nest_lock(rlock)
    omp_set_nest_lock(rlock)
    tlist2.append(i * i)
    omp_unset_nest_lock(rlock)
    omp_unset_nest_lock(rlock)
print(sorted(tlist2))
