"""Loops over generators and iterators, materialised exactly once: a generator
expression, a generator function with side effects, map/filter, a partly consumed
iterator, itertools, file-like lines."""

import io
import itertools

produced = {"count": 0}


def gen(n):
    for k in range(n):
        produced["count"] = produced["count"] + 1
        yield k * 3


def main():
    n = 30

    s, seq = 0, []
    # omp parallel for reduction(+:s, seq)
    for sq in (x * x for x in range(n)):
        s += sq
        seq += [sq]
    print("genexp", s, seq)

    g = 0
    # omp parallel for reduction(+:g)
    for v in gen(n):
        g += v
    print("generator function", g, "produced", produced["count"])

    m = []
    # omp parallel for reduction(+:m)
    for v in map(str, filter(lambda x: x % 4 == 1, range(n))):
        m += [v]
    print("map/filter", m)

    it = iter(range(20))
    next(it)
    next(it)
    rest = []
    # omp parallel for reduction(+:rest)
    for x in it:
        rest += [x]
    print("partly consumed", rest, "left", list(it))

    pairs = 0
    # omp parallel for reduction(+:pairs)
    for a, b in itertools.product(range(4), range(5)):
        pairs += a * 10 + b
    chained = []
    # omp parallel for reduction(+:chained)
    for x in itertools.chain("ab", [1, 2], ("z",)):
        chained += [x]
    print("itertools", pairs, chained)

    text = "alpha 1\nbeta 22\ngamma 333\ndelta 4444\n"
    lengths = []
    # omp parallel for reduction(+:lengths)
    for line in io.StringIO(text):
        lengths += [len(line.split()[1])]
    print("lines", lengths)


if __name__ == "__main__":
    main()
