"""A region-private scratch dict filled inside a critical block and read after it;
the shared result list is appended in the same critical."""

from omppy import omp_get_thread_num

results = []
scratch = None

# omp parallel private(scratch)
if True:
    scratch = {}
    # omp for
    for i in range(120):
        # omp critical
        if True:
            scratch[i % 5] = scratch.get(i % 5, 0) + 1
            results.append(i)
    mine = sum(scratch.values())
    # omp atomic
    results[0] += 0 * mine

print(len(results), sum(results), omp_get_thread_num())
