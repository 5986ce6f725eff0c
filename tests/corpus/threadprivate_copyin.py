"""threadprivate module globals: each thread's copy persists from one region to the next (a counter, a list), a module function using a threadprivate global through `global`, `copyin` giving every thread the master's value, `copyprivate` on a threadprivate name, and the master's own copy after the regions."""
from omppy import omp_get_thread_num

calls = 0
history = []
seed = 0
# omp threadprivate(calls, history, seed)


def bump(amount):
    global calls
    calls += amount
    history.append(amount)


def rounds(count):
    checks = []
    for r in range(count):
        # omp parallel num_threads(3)
        if True:
            bump(1)
            # omp critical
            checks.append(calls == r + 1 and len(history) == r + 1)
        # omp end parallel
    return all(checks)


def broadcast(value):
    global seed
    seed = value
    agree = []
    # omp parallel num_threads(3) copyin(seed)
    if True:
        mine = seed * 2
        # omp critical
        agree.append(mine)
    # omp end parallel
    return set(agree)


def single_copy():
    global seed
    result = []
    # omp parallel num_threads(3)
    if True:
        # omp single copyprivate(seed)
        seed = 41
        # omp critical
        result.append(seed + 1)
    # omp end parallel
    return set(result)


print(rounds(4))
print(calls, history)
print(broadcast(21))
print(single_copy(), seed)
