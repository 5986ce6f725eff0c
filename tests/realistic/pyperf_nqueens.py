# Source: github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_nqueens/run_benchmark.py
"""pyperformance's nqueens (Collin Winter's brute-force solver, from ActiveState
recipe 576647), ported: the pure-Python `permutations` generator and the `n_queens`
generator unchanged; the runner replaced by a `parallel for schedule(dynamic, 1)`
over board sizes 1..7 (each storing its solutions into a dict under `critical`, as
a C programmer protects a shared map) and a `reduction(+: total)`."""

__author__ = "collinwinter@google.com (Collin Winter)"


# Pure-Python implementation of itertools.permutations().
def permutations(iterable, r=None):
    """permutations(range(3), 2) --> (0,1) (0,2) (1,0) (1,2) (2,0) (2,1)"""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    indices = list(range(n))
    cycles = list(range(n - r + 1, n + 1))[::-1]
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


# From http://code.activestate.com/recipes/576647/
def n_queens(queen_count):
    """N-Queens solver: yields (column of the queen in each row) tuples."""
    cols = range(queen_count)
    for vec in permutations(cols):
        if (queen_count == len(set(vec[i] + i for i in cols))
                        == len(set(vec[i] - i for i in cols))):
            yield vec


def bench_n_queens(queen_count):
    return list(n_queens(queen_count))


if __name__ == "__main__":
    solutions = {}
    total = 0
    # omp parallel for schedule(dynamic, 1) reduction(+: total)
    for queen_count in range(7, 0, -1):
        found = bench_n_queens(queen_count)
        total += len(found)
        # omp critical
        solutions[queen_count] = found
    for k in sorted(solutions):
        print(k, len(solutions[k]), solutions[k][:2])
    print("total", total)
