"""OpenMP Examples task_dep.9 and task_dep.4b, ported (github.com/OpenMP/Examples,
tasking/sources/task_dep.9.c and task_dep.4b.c): `mutexinoutset` tasks T4 and T5 both
add into `c` after their own `in` inputs, in either order, and T6 reads `c` after both;
then an `inout` chain of additions and an `inoutset` group whose members add under
`atomic`, each followed by an `in` reader."""


def f(i):
    return i * i + 1


def mutex_example():
    a = b = c = d = 0
    # omp parallel
    # omp single
    # omp task depend(out: c) shared(c)
    c = 1
    # omp end task
    # omp task depend(out: a) shared(a)
    a = 2
    # omp end task
    # omp task depend(out: b) shared(b)
    b = 3
    # omp end task
    # omp task depend(in: a) depend(mutexinoutset: c) shared(c)
    c += a
    # omp end task
    # omp task depend(in: b) depend(mutexinoutset: c) shared(c)
    c += b
    # omp end task
    # omp task depend(in: c) shared(d)
    d = c
    # omp end task
    # omp end single
    # omp end parallel
    return d


def inoutset_example(n):
    results = []
    r = 0
    # omp parallel shared(r)
    # omp single
    r = 0
    for i in range(n):
        # omp task depend(inout: r) shared(r)
        r += f(i)
        # omp end task
    # omp task depend(in: r)
    results.append(("inout", r))
    # omp end task
    # omp taskwait
    r = 0
    for i in range(n):
        # omp task depend(inoutset: r) shared(r)
        v = f(i)
        # omp atomic
        r += v
        # omp end task
    # omp task depend(in: r)
    results.append(("inoutset", r))
    # omp end task
    # omp end single
    # omp end parallel
    return results, r


print("d =", mutex_example())
print(inoutset_example(12))
