"""OpenMP Examples task_dep.6, task_dep.7, task_dep.8 and task_dep.12, ported
(github.com/OpenMP/Examples, tasking/sources/): `taskwait depend(in: x)` waits only for
the task that writes `x`, a plain `taskwait` for the rest; a task reading `x` and
updating `y`; `taskwait depend(in: x, y)`.  task_dep.12 (an undeferred `if(0)` task after a
deferred one on the same name) is omp_ex_task_dep_undeferred.py.  Each function is
called twice: the tasks of two calls name two variables (fixed in session 9: the
second call's task started from the first call's value)."""

log = []


def foo6():
    x, y = 0, 2
    # omp task depend(inout: x) shared(x)
    x += 1
    # omp end task
    # omp task shared(y)
    y -= 1
    # omp end task
    # omp taskwait depend(in: x)
    log.append(f"6: x={x}")
    # omp taskwait
    log.append(f"6: y={y}")


def foo7(depend_both):
    x, y = 0, 2
    # omp task depend(inout: x) shared(x)
    x += 1
    # omp end task
    # omp task depend(in: x) depend(inout: y) shared(x, y)
    y -= x
    # omp end task
    if depend_both:
        # omp taskwait depend(in: x, y)
        log.append(f"8: x={x} y={y}")
    else:
        # omp taskwait depend(in: x)
        log.append(f"7: x={x}")
        # omp taskwait
        log.append(f"7: y={y}")


# omp parallel
# omp single
foo6()
foo6()
foo7(False)
foo7(False)
foo7(True)
foo7(True)
# omp end single
# omp end parallel

print("\n".join(log))
