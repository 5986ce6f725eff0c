"""Three independent statistics of one data set computed in `sections`, each
section adding to reductions (sum, min over floats, a set union)."""

data = [((i * 7919) % 1009) / 7 for i in range(600)]
total = 0.0
lowest = float("inf")
tags = set()
# omp parallel sections reduction(+:total) reduction(min:lowest) reduction(|:tags)
# omp section
for x in data[:200]:
    total += x
    lowest = min(lowest, x)
    tags |= {int(x) % 7}
# omp section
for x in data[200:400]:
    total += x
    lowest = min(lowest, x)
    tags |= {int(x) % 11 + 10}
# omp section
for x in data[400:]:
    total += x
    lowest = min(lowest, x)
# omp end parallel sections
print(round(total, 6), lowest, sorted(tags))
