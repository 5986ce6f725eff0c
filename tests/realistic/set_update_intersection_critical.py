"""Set update and in-place intersection under critical."""
common = set(range(0, 100))
union = set()
# omp parallel for
for i in range(1, 6):
    mult = {k for k in range(100) if k % i == 0}
    # omp critical
    if True:
        union |= {k * i for k in range(5)}
        common &= mult
    # omp end critical
print(sorted(common)[:5], len(common), sorted(union))
