"""`threadprivate` counters that persist between two regions of the same team size
(OpenMP's rule with dynamic threads off): each thread's count from region 1 is added
in region 2; only team-size-independent sums are printed."""

count = 0
# omp threadprivate(count)

total1 = 0
total2 = 0
# omp parallel reduction(+:total1)
if True:
    # omp for
    for i in range(100):
        count += 1
    total1 += count
# omp end parallel

# omp parallel reduction(+:total2)
if True:
    # omp for
    for i in range(50):
        count += 1
    total2 += count
# omp end parallel

print(total1, total2)
