"""OpenMP Examples tasking.13 and tasking.14, ported (github.com/OpenMP/Examples,
tasking/sources/): a binary search over every bit string by tasks with
`final(pos > LIMIT) mergeable`, each task copying its state unless `omp_in_final()`;
then an undeferred `if(0)` task creating regular tasks, and a `final(1)` task whose
descendants are included tasks (what omp_in_final() says there differs from
python, where no task is final, so it is not printed)."""

from omppy import omp_in_final

LIMIT = 3
solutions = []


def check_solution(state):
    if sum(state) % 3 == 0:
        # omp critical
        solutions.append("".join(map(str, state)))


def bin_search(pos, n, state):
    if pos == n:
        check_solution(state)
        return
    # omp task final(pos > LIMIT) mergeable
    new_state = state if omp_in_final() else list(state)
    new_state[pos] = 0
    bin_search(pos + 1, n, new_state)
    # omp end task
    # omp task final(pos > LIMIT) mergeable
    new_state = state if omp_in_final() else list(state)
    new_state[pos] = 1
    bin_search(pos + 1, n, new_state)
    # omp end task
    # omp taskwait


calls = []


def bar(tag, i):
    # omp critical
    calls.append((tag, i))


def foo14():
    # omp task if(0)
    # omp task
    for i in range(3):
        # omp task
        bar("regular", i)
    # omp end task
    # omp end task
    # omp task final(1)
    # omp task
    for i in range(3):
        # omp task
        bar("included", i)
    # omp end task
    # omp end task


# omp parallel
# omp single
bin_search(0, 7, [0] * 7)
foo14()
# omp end single
# omp end parallel

print(len(solutions), sorted(solutions)[:6])
print(sorted(calls))
