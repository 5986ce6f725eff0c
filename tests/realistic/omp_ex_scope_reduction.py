"""OpenMP 5.1 `scope` construct with a reduction (Examples scope.1 style): every
thread runs the block over its own share of the items (by thread number), the
partial sums are combined at its end; then a `single` records the total."""

from omppy import omp_get_num_threads, omp_get_thread_num

data = [(i * 17) % 23 for i in range(400)]
results = []
total = 0

# omp parallel
# omp for
for i in range(len(data)):
    data[i] = data[i] * 2
# omp scope reduction(+:total)
for k in range(omp_get_thread_num(), 10, omp_get_num_threads()):
    total += data[k]
# omp end scope
# omp single
results.append(total)
# omp end single
# omp end parallel

print(total, results[:1], len(results), sum(data))
