"""Port of the OpenMP Examples' taskloop (taskloop.1: a long-running task next to a
taskloop over a triangle, `loop_body(i, j)`): loop_body adds each (i, j)'s sum to a
dict of sums seen, under critical; the sorted sums and a count are printed."""
import time

sums = {}
count = 0


def long_running_task(v):
    time.sleep(0.05 * v)
    return v


def loop_body(i, j):
    global count
    # omp critical
    sums[i + j] = True
    count += 1
    # omp end critical


# omp parallel num_threads(4)
# omp single
# omp task
long_running_task(2)
# omp end task
# omp taskloop grainsize(1)
for i in range(8):
    for j in range(i):
        loop_body(i, j)
# omp end single
# omp end parallel
print(count, sorted(sums))
