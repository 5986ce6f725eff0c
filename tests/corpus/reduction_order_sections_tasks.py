"""Order-dependent reductions of sections (section order), taskloop (iteration
order) and in_reduction tasks (creation order), as with python (issue 9)."""

import time

parts = []
# omp parallel sections reduction(+:parts)
# omp section
time.sleep(0.01)
parts.append("first")
# omp section
parts.append("second")
# omp section
parts += ["third", "fourth"]
# omp section
parts.append("fifth")
# omp end parallel sections
more = []
# omp parallel
if True:
    # omp sections reduction(+:more)
    # omp section
    time.sleep(0.01)
    more.append(1)
    # omp section
    more.append(2)
    # omp section
    more.append(3)
    # omp end sections
print(parts)
print(more)

squares = []
# omp parallel
if True:
    # omp single
    if True:
        # omp taskloop reduction(+:squares) grainsize(2)
        for i in range(14):
            squares.append(i * i)
print(squares)

made = []
# omp parallel
if True:
    # omp single
    if True:
        # omp taskgroup task_reduction(+:made)
        if True:
            for k in range(10):
                # omp task in_reduction(+:made) firstprivate(k)
                if True:
                    if k == 0:
                        time.sleep(0.01)
                    made.append(k)
print(made)
