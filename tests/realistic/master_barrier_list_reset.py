"""master refills a shared list, a barrier, then a loop reads it; twice."""
buf = [0] * 16
res = []
# omp parallel
if True:
    for phase in range(2):
        # omp master
        buf[:] = [phase * 100 + k for k in range(16)]
        # omp end master
        # omp barrier
        # omp for
        for k in range(16):
            buf[k] = buf[k] * 2
        # omp single
        res.append(sum(buf))
        # omp end single
# omp end parallel
print(res)
