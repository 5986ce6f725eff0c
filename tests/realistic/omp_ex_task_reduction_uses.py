"""OpenMP Examples task_reduction.2, ported (github.com/OpenMP/Examples,
data_environment/sources/task_reduction.2.c): `reduction(task, +: x)` on a parallel
region whose single creates tasks with `in_reduction(+: x)`, and on a `parallel for`
whose even iterations create a task that takes one off again.

Adapted: the example's implicit-task statement `x++` runs once per thread (its answer
is M + N for M threads); here it runs in `masked`, so the answer is 1 + N at every
team size, as under python."""


def use_case_1(n):
    x = 0
    # omp parallel reduction(task, +: x)
    # omp masked
    x += 1  # the implicit task's statement, once
    # omp single
    for i in range(n):
        # omp task in_reduction(+: x)
        x += 1
    # omp end single
    # omp end parallel
    return x


def use_case_2(n):
    x = 0
    # omp parallel for reduction(task, +: x)
    for i in range(n):
        x += 1
        if i % 2 == 0:
            # omp task in_reduction(+: x)
            x -= 1
    return x


N = 100
print(f"x={use_case_1(N)}  =1+N")
print(f"x={use_case_2(N)}  =N-N/2")
