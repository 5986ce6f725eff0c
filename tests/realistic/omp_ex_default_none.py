"""OpenMP Examples default_none.1, ported (github.com/OpenMP/Examples,
data_environment/sources/default_none.1.c): `parallel default(none) private(a)
shared(z, c)`; the example marks `z[i] = y` as an error (i and y are in no clause).
OpenMP compilers refuse it; omppy must too, at translate time, naming the variable.
Adapted: `int j` is declared inside the region in C; Python has no declarations, so j
is listed in `private` (docs/data-sharing.md, default(none))."""

from omppy import omp_get_num_threads

x = 0
y = 0
z = [0] * 1000
# omp threadprivate(x)


def default_none(a):
    global x
    c = 1
    i = 0
    # omp parallel default(none) private(a, j) shared(z, c)
    j = omp_get_num_threads()  # O.K. - j is bound within the region
    a = z[j]  # O.K. - a is listed in private, z in shared
    x = c  # O.K. - x is threadprivate, c is listed in shared
    z[i] = y  # Error - cannot reference i or y here
    # omp for
    for i in range(10):
        z[i] = i  # O.K. - i is the loop iteration variable
    # omp end parallel
    return a


default_none(3)
print(z[:12])
