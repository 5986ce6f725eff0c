"""OpenMP Examples task_dep.13, ported (github.com/OpenMP/Examples,
tasking/sources/task_dep.13.c): in a `parallel masked` region, a task with
`depend(inout: omp_all_memory)` orders itself after every earlier task with a
dependence and before every later one; tasks without dependences may run anywhere,
so their lines are sorted before printing."""

a, d = 1, 1
ordered_lines = []
free_lines = []
# omp parallel masked num_threads(4)
if True:
    # omp task
    # omp critical
    free_lines.append("T1")
    # omp end task
    # omp task depend(out: a) shared(a)
    a += 1
    # omp critical
    ordered_lines.append(f"T2 a={a}")
    # omp end task
    # omp task depend(out: d) shared(d)
    d += 1
    # omp critical
    ordered_lines.append(f"T3 d={d}")
    # omp end task
    # omp task depend(inout: omp_all_memory) shared(a, d)
    a += 1
    d += 1
    ordered_lines.append(f"T4 a={a} d={d}")
    # omp end task
    # omp task
    # omp critical
    free_lines.append("T5")
    # omp end task
    # omp task depend(in: a, d) shared(a, d)
    a += 1
    d += 1
    ordered_lines.append(f"T6 a={a} d={d}")
    # omp end task

print(sorted(ordered_lines[:2]), ordered_lines[2:], sorted(free_lines), a, d)
