"""OpenMP Examples task_dep.12, ported (github.com/OpenMP/Examples,
tasking/sources/task_dep.12.c): a deferred task binds `x` with `depend(out: x)`, then
an undeferred `if(0)` task with `depend(inout: x)` waits for it, binds `x` again,
and the creator prints `x` (2) with no taskwait.  omppy refuses the read at translate
time: the first task's value could still reach the creator at a later wait."""

log = []


def foo():
    x = 0
    # omp task shared(x) depend(out: x)
    x = 1
    # omp end task
    # omp task shared(x) depend(inout: x) if(0)
    x = 2
    # omp end task
    log.append(f"x = {x}")


# omp parallel
# omp single
foo()
# omp end single
# omp end parallel
print(log)
