"""OpenMP Examples taskloop_reduction.2: `array_sum` opens a taskgroup with a
task_reduction; one task adds v[0] with in_reduction, a `taskloop in_reduction
nogroup` adds the rest; called from a `single`."""


def array_sum(n, v):
    res = 0
    # omp taskgroup task_reduction(+: res)
    if n > 0:
        # omp task in_reduction(+: res)
        res = res + v[0]
        # omp taskloop in_reduction(+: res) nogroup
        for i in range(1, n):
            res += v[i]
    # omp end taskgroup
    return res


n = 10
v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
out = []
# omp parallel
# omp single
out.append(array_sum(n, v))
out.append(array_sum(50, list(range(100, 150))))
# omp end single
# omp end parallel

print("The result is", out[0], out[1])
