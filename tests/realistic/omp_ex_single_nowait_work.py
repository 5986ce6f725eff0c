"""OpenMP Examples single.1, ported: `work1` in `single`, `work2` by every thread,
`single nowait` then `work3`; the counts each piece of work leaves behind."""

calls = {"work1": 0, "work2": 0, "work3": 0, "single2": 0}
log = []


def work1():
    calls["work1"] += 1
    log.append("work1")


def work3(t):
    # omp atomic
    calls["work3"] += 1


# omp parallel
if True:
    # omp single
    work1()
    # omp end single
    # omp atomic
    calls["work2"] += 1
    # omp single nowait
    calls["single2"] += 1
    log.append("single2")
    # omp end single
    work3(0)

print(calls["work1"], calls["single2"], log)
print(calls["work2"] == calls["work3"])
