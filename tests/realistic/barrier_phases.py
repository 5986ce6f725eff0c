"""A region with three phases separated by barriers: each thread writes its block of a
list, then (after the barrier) reads its neighbours' blocks, then a single sums up."""

from omppy import omp_get_num_threads, omp_get_thread_num

n = 96
a = [0] * n
b = [0] * n
total = 0

# omp parallel
if True:
    t = omp_get_thread_num()
    nt = omp_get_num_threads()
    lo, hi = t * n // nt, (t + 1) * n // nt
    for i in range(lo, hi):
        a[i] = i * i % 23
    # omp barrier
    for i in range(lo, hi):
        b[i] = a[(i - 1) % n] + a[(i + 1) % n]
    # omp barrier
    # omp single
    total = sum(b)

print(total, b[:8], a[-4:])
