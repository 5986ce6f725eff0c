"""OpenMP Examples task_dep.1-3 (flow, anti and output dependences): tasks with
`depend(out:x)` and `depend(in:x)` order a write before a read, a read before a
write, and two writes; each result recorded in a shared list by position."""

seen = [None] * 3
x = 1
y = 0
# omp parallel
# omp single
# omp task shared(x) depend(out: x)
x = 2
# omp end task
# omp task shared(x) depend(in: x)
seen[0] = x
# omp end task
# omp task shared(y) depend(in: y)
seen[1] = y
# omp end task
# omp task shared(y) depend(out: y)
y = 5
# omp end task
# omp task shared(x) depend(out: x)
x = 10
# omp end task
# omp task shared(x) depend(out: x)
x = 11
# omp end task
# omp taskwait
seen[2] = x
# omp end single
# omp end parallel

print("x =", x, "y =", y, "seen", seen)
