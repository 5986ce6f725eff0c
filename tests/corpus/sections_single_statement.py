"""sections whose first section is a single statement (clauses still apply), and the barrier at the end of single refreshing a name set in critical."""
s = 1
# omp parallel num_threads(2)
if True:
    # omp sections reduction(+:s)
    # omp section
    s += 10
    # omp section
    s += 20
    # omp end sections
print(s)
def refresh():
    val = -1
    seen = []
    # omp parallel num_threads(3)
    if True:
        from omppy import omp_get_thread_num
        if omp_get_thread_num() == 0:
            # omp critical
            val = 99
            # omp end critical
        # omp single
        pass
        # omp end single
        a = val
        # omp critical
        seen.append(a)
        # omp end critical
    print(sorted(set(seen)))

refresh()
