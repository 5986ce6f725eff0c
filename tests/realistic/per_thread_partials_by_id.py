"""The C idiom of per-thread partial sums indexed by `omp_get_thread_num()` (a
list sized by `omp_get_max_threads()`), summed after the region; plain python runs
it as one thread."""

from omppy import omp_get_max_threads, omp_get_thread_num

nthreads = omp_get_max_threads()
partial = [0.0] * nthreads
counts = [0] * nthreads
# omp parallel
if True:
    tid = omp_get_thread_num()
    # omp for schedule(static)
    for i in range(1000):
        partial[tid] += 1.0 / (1 + i * i)
        counts[tid] += 1
print(round(sum(partial), 12), sum(counts))
