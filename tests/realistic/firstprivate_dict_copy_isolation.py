"""firstprivate on a dict and a list: each thread changes its own copies, the shared
originals are unchanged after the region; per-thread results stored by index."""

from omppy import omp_get_num_threads, omp_get_thread_num

cfg = {"scale": 2, "names": ["a", "b"]}
base = [1, 2, 3]
report = [None] * 8
nthreads = 1

# omp parallel firstprivate(cfg, base)
if True:
    me = omp_get_thread_num()
    cfg["scale"] += me
    base[0] += me
    report[me] = (cfg["scale"], base[0] + len(base))
    # omp single
    nthreads = omp_get_num_threads()

print(cfg, base)
print(all(report[t] == (2 + t, 4 + t) for t in range(nthreads)))
