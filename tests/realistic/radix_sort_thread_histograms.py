"""An LSD radix sort in the classic OpenMP shape: each thread counts digits of its
static block into its own row of `counts[tid]`, a `single` turns the rows into
offsets, then each thread scatters its block; the team size comes from the runtime."""

from omppy import omp_get_num_threads, omp_get_thread_num

keys = [(i * 7919 + 13) % 10007 for i in range(2000)]
n = len(keys)
out = [0] * n
nthreads = 1
counts = []

for shift in (0, 4, 8, 12):
    # omp parallel
    if True:
        # omp single
        nthreads = omp_get_num_threads()
        counts = [[0] * 16 for _ in range(nthreads)]
        # omp end single
        tid = omp_get_thread_num()
        lo = tid * n // nthreads
        hi = (tid + 1) * n // nthreads
        mine = counts[tid]
        for k in keys[lo:hi]:
            mine[(k >> shift) & 15] += 1
        # omp barrier
        # omp single
        total = 0
        for d in range(16):
            for t in range(nthreads):
                c = counts[t][d]
                counts[t][d] = total
                total += c
        # omp end single
        pos = counts[tid]
        for k in keys[lo:hi]:
            d = (k >> shift) & 15
            out[pos[d]] = k
            pos[d] += 1
    keys, out = out, keys

print(keys == sorted(keys), keys[:6], keys[-3:])
