# Source: github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_generators/run_benchmark.py
"""pyperformance's generators benchmark (Kumar Aditya), ported: the `Tree` class
whose `__iter__` is a recursive generator and the `tree(range)` builder unchanged;
the traversal of one big tree becomes a `parallel for reduction(+: total)` over
the chunks of a range, each building and walking its own tree, and a
`reduction(max: deepest)` on the largest value seen."""

from __future__ import annotations

from collections.abc import Iterator


class Tree:
    def __init__(self, left: Tree | None, value: int, right: Tree | None) -> None:
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self) -> Iterator[int]:
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


def tree(input: range) -> Tree | None:
    n = len(input)
    if n == 0:
        return None
    i = n // 2
    return Tree(tree(input[:i]), input[i], tree(input[i + 1:]))


def bench_generators(chunks: int, size: int) -> tuple[int, int]:
    assert list(tree(range(10))) == list(range(10))
    total = 0
    deepest = -1
    # omp parallel for reduction(+: total) reduction(max: deepest) schedule(dynamic)
    for c in range(chunks):
        iterable = tree(range(c * size, (c + 1) * size))
        for v in iterable:
            total += v
            if v > deepest:
                deepest = v
    return total, deepest


if __name__ == "__main__":
    print(bench_generators(8, 5000))
