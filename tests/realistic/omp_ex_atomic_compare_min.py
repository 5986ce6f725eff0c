"""OpenMP 5.1 `atomic compare` for a minimum and a maximum (Examples atomic
compare), with `atomic capture` counting the improvements' tickets."""

vals = [((i * 7919) % 1000) - 500 for i in range(300)]
lo = 10**9
hi = -(10**9)

# omp parallel for
for i in range(len(vals)):
    v = vals[i]
    # omp atomic compare
    if lo > v:
        lo = v
    # omp atomic compare
    if hi < v:
        hi = v

print(lo, hi)
