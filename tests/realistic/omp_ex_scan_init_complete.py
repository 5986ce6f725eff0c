"""OpenMP Examples scan.3, ported (github.com/OpenMP/Examples,
data_environment/sources/scan.3.c): an exclusive scan with an initialization phase
(`scan init_complete`, OpenMP 6.0) that reads c[k] into a private tmp before the scan
phase overwrites c[k] with the prefix."""

N = 100
c = [k + 1 for k in range(N)]
x = 0
# omp parallel for simd reduction(inscan, +: x) private(tmp)
for k in range(N):
    tmp = c[k]
    # omp scan init_complete
    c[k] = x
    # omp scan exclusive(x)
    x += tmp

print(f"x = {x}, c[0:3] = {c[0]} {c[1]} {c[2]}")
