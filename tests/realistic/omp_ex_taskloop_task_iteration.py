"""OpenMP Examples taskloop_dep.1, ported (github.com/OpenMP/Examples,
tasking/sources/taskloop_dep.1.c): dependences between a taskloop's iterations with
`task_iteration depend(...)` (OpenMP 6.0), then a task reading the last item."""

n = 12
A = [1.0 + 0.01 * i for i in range(n)]
# omp parallel
# omp single
# omp taskloop nogroup
for i in range(1, n):
    # omp task_iteration depend(inout: A[i]) depend(in: A[i - 1])
    A[i] += A[i] * A[i - 1]
# omp task depend(in: A[n - 1])
print(f"A[n-1] = {A[n - 1]:f}")
# omp end task
# omp end single
# omp end parallel
