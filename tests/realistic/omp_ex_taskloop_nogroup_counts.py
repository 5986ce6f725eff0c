"""OpenMP Examples taskloop.1 and taskloop.2, ported (github.com/OpenMP/Examples,
tasking/sources/taskloop.1.c, taskloop.2.c): a long-running task beside a
`taskloop private(j) grainsize(50) nogroup` over a triangle, both in one `taskgroup`;
then a `taskloop` every thread of a region meets (T*N increments under atomic) and one
in `single` (N increments)."""

from omppy import omp_get_num_threads

long_result = []
bodies = [0] * 300


def long_running_task():
    long_result.append(sum(k * k for k in range(5000)))


def loop_body(i, j):
    bodies[i] += j


# omp taskgroup
# omp task
long_running_task()
# omp end task
# omp taskloop private(j) grainsize(50) nogroup
for i in range(300):
    for j in range(i):
        loop_body(i, j)
# omp end taskgroup
print(long_result, sum(bodies), bodies[299])

x1 = 0
x2 = 0
team = [0]
N = 256
# omp parallel shared(x1, x2)
if True:
    # omp taskloop
    for i in range(N):
        # omp atomic
        x1 += 1
    # omp single
    team[0] = omp_get_num_threads()
    # omp single
    # omp taskloop
    for i in range(N):
        # omp atomic
        x2 += 1
print("x1 = T*N:", x1 == team[0] * N, "x2 =", x2)
