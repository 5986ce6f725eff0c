"""OpenMP Examples copyprivate.2, ported (github.com/OpenMP/Examples,
data_environment/sources/copyprivate.2.c): `read_next` makes a one-item holder in
`single copyprivate(tmp)` so every thread gets the same object, the primary thread
fills it in `masked`, every thread reads it after a barrier, and a `single nowait`
drops it after a second barrier."""

import io

source = io.StringIO("\n".join(str(v * 1.5) for v in range(5)))


def read_next():
    # omp single copyprivate(tmp)
    tmp = [None]
    # omp masked
    tmp[0] = float(source.readline())
    # omp barrier
    return_val = tmp[0]
    # omp barrier
    # omp single nowait
    tmp.clear()
    return return_val


got = []
# omp parallel
if True:
    mine = [read_next() for _ in range(5)]
    # omp critical
    got.append(mine)

print(all(m == got[0] for m in got), got[0])
