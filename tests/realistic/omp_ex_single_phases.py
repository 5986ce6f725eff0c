"""OpenMP Examples single.1, ported: `single` blocks announcing phases (collected into
a shared log instead of printed), `single nowait`, and work between them."""

log = []
work_done = [0] * 40

# omp parallel
if True:
    # omp single
    log.append("Beginning work1.")
    # omp for
    for i in range(40):
        work_done[i] += i
    # omp single
    log.append("Finishing work1.")
    # omp single nowait
    log.append("Finished work1 and beginning work2.")
    # omp for
    for i in range(40):
        work_done[i] *= 2

print(log, sum(work_done))
