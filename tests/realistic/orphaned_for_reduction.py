"""OpenMP Examples priv_reduction.1, ported: a function with an orphaned
`for reduction(+:sum_v)` is called by every thread of a region; every thread gets
the full sum, recorded in a shared set under critical."""

N = 100
v = list(range(N))
sums_seen = set()
calls = 0


def do_red(n, vec):
    sum_v = 0
    # omp for reduction(+:sum_v)
    for i in range(n):
        sum_v += vec[i]
    return sum_v


# omp parallel
if True:
    s_v = do_red(N, v)
    # omp critical
    sums_seen.add(s_v)
    # omp end critical

print(sorted(sums_seen))
print(do_red(N, v))
