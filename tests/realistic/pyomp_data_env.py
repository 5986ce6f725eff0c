"""PyOMP's TestDataEnv example (github.com/Python-for-HPC/PyOMP,
examples/TestDataEnv.py), ported from `with openmp("...")` blocks to comment pragmas:
one region with `private(x) shared(zsh) firstprivate(zfp) private(ID)`, two singles, a
critical sum of the thread numbers, and per-thread slots of numpy arrays; then the
checks count the errors.

Adapted: the example assumes 4 threads (`zsh` must be 7 + 0+1+2+3); here the expected
sum is that of the team's thread numbers, and the team size is not printed, so python
(one thread) and any team give the same lines; the read of the uninitialised private x
is left out (see below)."""

import numpy as np

from omppy import omp_get_num_threads, omp_get_thread_num, omp_set_num_threads


def testOMP():
    x = 5
    y = 3
    zfp = 2
    zsh = 7
    nerr = 0
    nsing = 0
    NTHREADS = 4
    numthrds = 0
    omp_set_num_threads(NTHREADS)
    vals = np.zeros(NTHREADS)
    valsfp = np.zeros(NTHREADS)

    # omp parallel private(x) shared(zsh) firstprivate(zfp) private(ID)
    ID = omp_get_thread_num()
    # omp single
    nsing = nsing + 1
    numthrds = omp_get_num_threads()
    if y != 3:
        nerr = nerr + 1
        print("Shared Default status failure y = ", y, " It should equal 3")
    # omp end single
    # (The example's second single, `if x == 5: pass`, reads the private x before any
    # thread sets it: undefined in OpenMP, an UnboundLocalError at that line in omppy,
    # whose private names start unbound; it is left out.)

    # verify each thread sees the same variable zsh
    # omp critical
    zsh = zsh + ID
    # omp end critical

    # test first private
    zfp = zfp + ID
    valsfp[ID] = zfp

    # setup test to see if each thread got its own x value
    x = ID
    vals[ID] = x
    # omp end parallel

    # Shared clause test: zsh starts at 7 and we add up the IDs of the team
    if zsh != 7 + sum(range(numthrds)):
        print("Shared clause or critical failed", zsh)
        nerr = nerr + 1

    # Single Test: How many threads updated nsing?
    if nsing != 1:
        print(" Single test failed", nsing)
        nerr = nerr + 1

    # Private clause test: did each thread get its own x variable?
    for i in range(numthrds):
        if int(vals[i]) != i:
            print("Private clause failed", numthrds, i, vals[i])
            nerr = nerr + 1

    # First private clause test: each thread should get 2 + ID for up to 4 threads
    for i in range(numthrds):
        if int(valsfp[i]) != 2 + i:
            print("Firstprivate clause failed", numthrds, i, valsfp[i])
            nerr = nerr + 1

    # Test number of threads
    if numthrds > NTHREADS:
        print("Number of threads error: too many threads", numthrds, NTHREADS)
        nerr = nerr + 1

    print(nerr, " errors when testing parallel, private, shared, firstprivate, critical  and single")

    return nerr


errors = testOMP()
