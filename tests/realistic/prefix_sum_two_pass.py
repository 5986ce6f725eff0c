"""The classic OpenMP two-pass prefix sum: each thread sums its static block, a single
computes the offsets from the per-thread partials, then each thread writes its
block's running sums."""

from omppy import omp_get_num_threads, omp_get_thread_num

n = 1000
a = [(i * 7) % 13 for i in range(n)]
out = [0] * n
partial = []
offsets = []

# omp parallel
if True:
    t = omp_get_thread_num()
    nt = omp_get_num_threads()
    lo, hi = t * n // nt, (t + 1) * n // nt
    # omp single
    partial = [0] * nt
    s = 0
    for i in range(lo, hi):
        s += a[i]
    partial[t] = s
    # omp barrier
    # omp single
    offsets = [sum(partial[:k]) for k in range(nt)]
    run = offsets[t]
    for i in range(lo, hi):
        run += a[i]
        out[i] = run

print(out[:10], out[-1], sum(out))
