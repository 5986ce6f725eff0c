"""BUG (minimal, from omp_ex_reduction6): a shared name set in a `single` (or
`masked`) and then the result of a `for reduction(+:s)` in the same region: after the
region the master has the single's value, not the reduction's."""

s = -1
# omp parallel
if True:
    # omp single
    s = 0
    # omp for reduction(+:s)
    for i in range(10):
        s += i
print(s)
