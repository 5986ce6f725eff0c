"""Shapes from session 9's ports of the OpenMP Examples (github.com/OpenMP/Examples,
tasking/ and synchronization/sources/): `x += v` in tasks with shared(x) and depend
(task_dep.4b), a function with depend tasks called twice (task_dep.6-8), `task`
stacked over `atomic`, a creator rebinding a name before tasks that add to it under
atomic, depend(inout: omp_all_memory) (task_dep.13), atomic compare as a conditional
expression (cas.1).  (acquire_release.1's spin on a flag needs omp_get_thread_num:
tests/realistic/omp_ex_acquire_release_flag.py.)"""


def chain(n):
    r = 0
    # omp parallel
    # omp single
    for i in range(n):
        # omp task depend(inout: r) shared(r)
        r += i * i
        # omp end task
    # omp task depend(in: r) shared(r)
    r = r * 2
    # omp end task
    # omp end single
    # omp end parallel
    return r


log = []


def step(k):
    x = k
    # omp task depend(inout: x) shared(x)
    x = x * 10 + 1
    # omp end task
    # omp taskwait depend(in: x)
    log.append(x)


def atomic_rounds():
    r = 0
    out = []
    # omp parallel
    # omp single
    r = 100
    for i in range(5):
        # omp task
        # omp atomic
        r += i
        # omp end task
    # omp taskwait
    out.append(r)
    r = 0
    for i in range(5):
        # omp task shared(r)
        # omp atomic
        r += i
        # omp end task
    # omp end single
    # omp end parallel
    return out, r


def all_memory():
    a, d = 1, 1
    lines = []
    # omp parallel
    # omp single
    # omp task depend(out: a) shared(a)
    a += 1
    # omp end task
    # omp task depend(out: d) shared(d)
    d += 1
    # omp end task
    # omp task depend(inout: omp_all_memory) shared(a, d)
    a += 1
    d += 1
    lines.append(("T4", a, d))
    # omp end task
    # omp task depend(in: a, d) shared(a, d)
    lines.append(("T6", a, d))
    # omp end task
    # omp end single
    # omp end parallel
    return lines, a, d


def extremes(values):
    lo, hi = 10**9, -(10**9)
    # omp parallel for
    for i in range(len(values)):
        # omp atomic compare
        lo = values[i] if values[i] < lo else lo
        # omp atomic compare
        hi = values[i] if hi < values[i] else hi
    return lo, hi


print(chain(12), chain(5))
# omp parallel
# omp single
for k in range(4):
    step(k)
# omp end single
# omp end parallel
print(log)
print(atomic_rounds())
print(all_memory())
print(extremes([(i * 37) % 101 - 50 for i in range(40)]))
