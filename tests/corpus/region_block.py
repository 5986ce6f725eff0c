"""`# omp parallel` regions: one whose statement is an `# omp for` loop, and
blocks closed by `# omp end parallel` holding private setup, several `for` loops
(one `nowait`), and nested statements around the loops."""

import numpy as np


def single_statement(n):
    # kept apart from the block regions in main(): see README.md
    out = [0] * n
    # omp parallel
    # omp for
    for i in range(n):
        out[i] = 3 * i + 1
    return out


def main():
    n = 36
    print("single statement", single_statement(n))

    a = np.zeros(n, dtype=np.int64)
    b = np.zeros(n, dtype=np.int64)
    words = [None] * n
    total = 0
    # omp parallel
    factor = 7
    names = ["zero", "one", "two", "three"]

    # a comment between statements of the block
    # omp for nowait
    for i in range(n):
        a[i] = i * factor
    # omp for schedule(dynamic, 5)
    for i in range(n):
        b[i] = i * i
        words[i] = names[i % 4]
    # omp for reduction(+:total)
    for i in range(n):
        total += a[i] + b[i]
    # omp end parallel
    print("block", a.tolist(), b.tolist(), total)
    print("words", words[:6])

    res = [0] * 10
    # omp parallel
    if n > 10:
        # omp for
        for i in range(10):
            res[i] = i - n
    # omp end parallel
    print("loop inside if", res)

    def run():
        acc = 0
        # omp parallel reduction(+:acc)
        base = 2
        # omp for
        for i in range(n):
            acc += base ** (i % 5)
        # omp end parallel
        return acc

    print("in nested function", run())


if __name__ == "__main__":
    main()
