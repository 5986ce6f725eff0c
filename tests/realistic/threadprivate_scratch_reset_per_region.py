"""A `threadprivate` module global (a per-thread counter) incremented in two regions and summed into a shared list by thread number under critical; `copyin` resets it from the master at the second region."""


calls = 0
# omp threadprivate(calls)
per_thread = []


def work(i):
    global calls
    calls += 1
    return i * i


total = 0
# omp parallel for reduction(+:total)
for i in range(30):
    total += work(i)

calls = 100
# omp parallel copyin(calls)
if True:
    # omp for
    for i in range(12):
        work(i)
    # omp critical
    per_thread.append(calls - 100)
    # omp end critical
print(total, sum(per_thread))
