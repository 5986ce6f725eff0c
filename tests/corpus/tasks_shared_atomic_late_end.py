"""Tasks with `shared(r)` adding to it under `atomic`, one of them ending late: the
task's end must not publish its own (older) `r` after the others' atomic updates.
(It did: the late task's end published 100 over 103-106, so the program printed 100
for 106 on both backends; without the sleep, about 1 run in 30 lost an update.)"""

import time

r = 0
out = []
# omp parallel
# omp single
r = 100
for i in range(4):
    # omp task shared(r)
    if True:
        time.sleep(0.01 * i)
        # omp atomic
        r += i
        if i == 0:
            time.sleep(0.2)  # ends after the other tasks' updates
# omp taskwait
out.append(r)
total = 0
for i in range(6):
    # omp task shared(total)
    if True:
        # omp critical
        total += i * i
        if i % 3 == 0:
            time.sleep(0.05)
# omp taskwait
out.append(total)
# omp end single
# omp end parallel
print(out, r, total)
