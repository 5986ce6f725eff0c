# Source: CPython Doc/includes/mp_pool.py ("A test of multiprocessing.Pool class",
# R Oudkerk), as in the multiprocessing documentation
"""The multiprocessing documentation's `Pool` example (CPython Doc/includes/
mp_pool.py), ported: `calculate`, `calculatestar`, `mul`, `plus`, `pow3` unchanged
(the random sleeps shortened to a deterministic one); `pool.apply_async`/`imap` over
TASKS become a `parallel for schedule(dynamic)` storing each result into its own
slot, `imap_unordered` one appending under `critical` (printed sorted), and
`pool.map(pow3, range(100))` a `parallel for reduction(+: ...)`."""

import multiprocessing
import time


def calculate(func, args):
    result = func(*args)
    return '%s says that %s%s = %s' % (
        multiprocessing.current_process().name,
        func.__name__, args, result
    )


def calculatestar(args):
    return calculate(*args)


def mul(a, b):
    time.sleep(0.001 * (a % 3))
    return a * b


def plus(a, b):
    time.sleep(0.001 * (b % 2))
    return a + b


def pow3(x):
    return x ** 3


def test():
    TASKS = [(mul, (i, 7)) for i in range(10)] + \
            [(plus, (i, 8)) for i in range(10)]

    results = [None] * len(TASKS)
    # omp parallel for schedule(dynamic)
    for k in range(len(TASKS)):
        results[k] = calculate(*TASKS[k])

    print('Ordered results using pool.apply_async():')
    for r in results:
        print('\t', r)
    print()

    unordered = []
    # omp parallel for schedule(dynamic)
    for t in TASKS:
        line = calculatestar(t)
        # omp critical
        unordered.append(line)
        # omp end critical
    print('Unordered results using pool.imap_unordered():')
    for x in sorted(unordered):
        print('\t', x)
    print()

    total = 0
    # omp parallel for reduction(+: total)
    for i in range(100):
        total += pow3(i)
    print('sum of pool.map(pow3, range(100)):', total, total == sum(map(pow3, range(100))))


if __name__ == '__main__':
    test()
