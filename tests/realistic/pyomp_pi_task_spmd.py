"""PyOMP's pi_task and pi_spmd examples (github.com/Python-for-HPC/PyOMP,
examples/pi_task.py, examples/pi_spmd.py), ported from `with openmp("...")` blocks to
comment pragmas: the midpoint rule for pi by recursive tasks (`task shared(pi_sum1)`,
`taskwait`) started in `single`, for teams of 1-4 threads set by
`omp_set_num_threads`; then the SPMD version, each thread striding over the steps
by its number and storing its partial sum in its slot of a numpy array."""

import numpy as np

from omppy import omp_get_num_threads, omp_get_thread_num, omp_set_num_threads

MIN_BLK = 256


def pi_comp(nstart, nfinish, step):
    pi_sum = 0.0
    if nfinish - nstart < MIN_BLK:
        for i in range(nstart, nfinish):
            x = (i + 0.5) * step
            pi_sum += 4.0 / (1.0 + x * x)
    else:
        iblk = nfinish - nstart
        cut = nfinish - (iblk // 2)
        pi_sum1 = pi_sum2 = 0.0
        # omp task shared(pi_sum1)
        pi_sum1 = pi_comp(nstart, cut, step)
        # omp task shared(pi_sum2)
        pi_sum2 = pi_comp(cut, nfinish, step)
        # omp taskwait
        pi_sum = pi_sum1 + pi_sum2
    return pi_sum


num_steps = 4096
step = 1.0 / num_steps
for j in range(1, 5):
    omp_set_num_threads(j)
    full_sum = 0.0
    # omp parallel
    # omp single
    full_sum = pi_comp(0, num_steps, step)
    # omp end single
    # omp end parallel
    print("tasks", j, round(step * full_sum, 12))

num_steps = 20000
step = 1.0 / num_steps
for j in range(1, 5):
    tsum = np.zeros(j)
    omp_set_num_threads(j)
    # omp parallel private(local_sum, tid, numthreads, x)
    if True:
        tid = omp_get_thread_num()
        numthreads = omp_get_num_threads()
        local_sum = 0.0
        for i in range(tid, num_steps, numthreads):
            x = (i + 0.5) * step
            local_sum += 4.0 / (1.0 + x * x)
        tsum[tid] = local_sum
    print("spmd", j, round(step * float(np.sum(tsum)), 10))
