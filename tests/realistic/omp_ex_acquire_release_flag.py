"""OpenMP Examples acquire_release.1-3 and mem_model.2, ported
(github.com/OpenMP/Examples, synchronization/sources/acquire_release.*.c and
memory_model/sources/mem_model.2.c): thread 0 writes data, then sets a flag (under
`critical`, by `atomic write release`, by `flush` + `atomic write`); thread 1 spins
reading the flag (under `critical`, `atomic read acquire`, `atomic read`) and then
reads the data, which must be the written value (printed only as a check that holds
for any team size).  Adapted: omppy carries a shared name bound outside any
synchronisation construct to no other thread (docs/data-sharing.md, explicit
`shared(x)`), so thread 0 binds `x` in its own `critical` before raising the flag;
the spin on the flag is the example's.  This spin hung before session 9: a name a
block only read was not taken fresh on entry."""

from omppy import omp_get_thread_num

seen = []


def critical_flag():
    x = 0
    y = 0
    # omp parallel num_threads(2) shared(x, y)
    if True:
        if omp_get_thread_num() == 0:
            # omp critical
            x = 10
            # omp critical
            y = 1
        elif omp_get_thread_num() == 1:
            tmp = 0
            while tmp == 0:
                # omp critical
                tmp = y
            # omp critical
            seen.append(("critical", x))
    return x, y


def atomic_flag(use_flush):
    x = 0
    y = 0
    # omp parallel num_threads(2) shared(x, y)
    if True:
        if omp_get_thread_num() == 0:
            # omp critical
            x = 10
            if use_flush:
                # omp flush
                # omp atomic write
                y = 1
            else:
                # omp atomic write release
                y = 1
                x += 0  # (two ways to raise the flag, as the example's)
        elif omp_get_thread_num() == 1:
            tmp = 0
            while tmp == 0:
                # omp atomic read acquire
                tmp = y
            # omp flush
            # omp critical
            seen.append(("atomic", use_flush, x))
    return x, y


print(critical_flag(), atomic_flag(False), atomic_flag(True))
# With one thread no reader runs; with two every reader saw x = 10.
print(all(entry[-1] == 10 for entry in seen))
