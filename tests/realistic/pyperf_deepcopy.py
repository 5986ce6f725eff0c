# Source: github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_deepcopy/run_benchmark.py
"""pyperformance's deepcopy benchmark (Pieter Eendebak), ported: the dataclass `A`,
the `__reduce__` class `C` and the three benchmarks' data unchanged; each benchmark's
copy loop is a `parallel for` whose copies are kept in a preallocated list (the
benchmark drops them; here they are checked), and `benchmark`'s dataclass loop
changes its own copy (the shared template `dc` is only read)."""

import copy
from dataclasses import dataclass


@dataclass
class A:
    string: str
    lst: list
    boolean: bool


def benchmark_reduce(n):
    """ Benchmark where the __reduce__ functionality is used """
    class C(object):
        def __init__(self):
            self.a = 1
            self.b = 2

        def __reduce__(self):
            return (C, (), self.__dict__)

        def __setstate__(self, state):
            self.__dict__.update(state)

    c = C()
    copies = [None] * n
    # omp parallel for
    for ii in range(n):
        copies[ii] = copy.deepcopy(c)
        copies[ii].a += ii
    return sum(x.a + x.b for x in copies), c.a


def benchmark_memo(n):
    """ Benchmark where the memo functionality is used """
    A = [1] * 100
    data = {'a': (A, A, A), 'b': [A] * 100}
    same = 0
    # omp parallel for reduction(+: same)
    for ii in range(n):
        d = copy.deepcopy(data)
        same += d['a'][0] is d['b'][7] and d['a'][0] is not A
    return same


def benchmark(n):
    """ Benchmark on some standard data types """
    a = {
        'list': [1, 2, 3, 43],
        't': (1, 2, 3),
        'str': 'hello',
        'subdict': {'a': True}
    }
    dc = A('hello', [1, 2, 3], True)
    made = [None] * n
    # omp parallel for
    for ii in range(n):
        copies = []
        for jj in range(30):
            copies.append(copy.deepcopy(a))
        copies[-1]['list'].append(ii)
        d = copy.deepcopy(dc)
        for s in ['red', 'blue', 'green']:
            d.string = s
            for kk in range(5):
                d.lst[0] = kk + ii
        made[ii] = (copies[-1]['list'], d)
    return made, a, dc


if __name__ == "__main__":
    print(benchmark_reduce(200))
    print(benchmark_memo(100))
    made, a, dc = benchmark(40)
    print(made[0], made[-1])
    print(a, dc)
