"""OpenMP Examples taskloop_simd_reduction.1, ported (github.com/OpenMP/Examples,
data_environment/sources/taskloop_simd_reduction.1.c): one sum taken six ways, by a
`taskloop reduction` under `parallel masked`, by a task and a `masked taskloop` with
`in_reduction` inside `parallel reduction(task, +: asum)`, and the same with the
`simd` forms (which change nothing in Python).  The example prints asum=29700."""

N = 100


def main():
    a = [0] * N
    asum = 0
    for i in range(N):
        a[i] = i

    # taskloop reductions
    # omp parallel masked
    # omp taskloop reduction(+: asum)
    for i in range(N):  # taskloop 1
        asum += a[i]

    # omp parallel reduction(task, +: asum)
    # omp masked
    # omp task in_reduction(+: asum)
    for i in range(N):  # task 2
        asum += a[i]
    # omp masked taskloop in_reduction(+: asum)
    for i in range(N):  # taskloop 2
        asum += a[i]
    # omp end parallel

    # taskloop simd reductions
    # omp parallel masked
    # omp taskloop simd reduction(+: asum)
    for i in range(N):  # taskloop simd 3
        asum += a[i]

    # omp parallel reduction(task, +: asum)
    # omp masked
    # omp task in_reduction(+: asum)
    for i in range(N):  # task 4
        asum += a[i]
    # omp masked taskloop simd in_reduction(+: asum)
    for i in range(N):  # taskloop simd 4
        asum += a[i]
    # omp end parallel

    print(f"asum={asum} ")


main()
