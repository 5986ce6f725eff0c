"""Nested parallel regions: an inner parallel for inside an outer one (active only with
OMP_NESTED or a list in OMP_NUM_THREADS); stores into the outer thread's private list."""

res = [None] * 6
total = 0
# omp parallel for num_threads(2) reduction(+:total)
for i in range(6):
    inner = [0] * 5
    part = 0
    # omp parallel for num_threads(2) reduction(+:part)
    for j in range(5):
        inner[j] = i * 10 + j
        part += j * i
    res[i] = inner
    total += part
print(res, total)
