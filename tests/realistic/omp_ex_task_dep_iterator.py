"""OpenMP Examples task_dep.11, ported (github.com/OpenMP/Examples,
tasking/sources/task_dep.11.c): n tasks each set one element with `depend(out:
v[i])`, then one task prints them all with `depend(iterator(it = 0:n), in: v[it])`
(an array section cannot name the elements one task each wrote).  C passes &v[i];
Python passes the list and the index."""


def set_an_element(v, i, val):
    v[i] = val


def print_all_elements(v, n):
    print("".join("%d, " % v[i] for i in range(n)))


def parallel_computation(n):
    v = [0] * n
    # omp parallel
    # omp single
    for i in range(n):
        # omp task depend(out: v[i])
        set_an_element(v, i, i * i)
    # omp task depend(iterator(it = 0:n), in: v[it])
    print_all_elements(v, n)
    # omp end single
    # omp end parallel
    return sum(v)


print(parallel_computation(12))
