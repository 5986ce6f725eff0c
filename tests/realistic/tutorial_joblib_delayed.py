# Source: joblib documentation, "Embarrassingly parallel for loops"
# (joblib.readthedocs.io/en/stable/parallel.html)
"""joblib's first examples, ported: `Parallel(n_jobs=2)(delayed(sqrt)(i ** 2) for i
in range(10))` and the `prefer="threads"` / `return_as="generator"` forms become
`parallel for` loops storing each call's result into its own slot of a list made
before the loop; the docs' shared-memory example (`collect` appending to a shared
list with `require='sharedmem'`) becomes a `parallel for` whose helper appends
under an orphaned `critical` (printed sorted, as the docs do)."""

from math import sqrt

shared_set = []


def collect(x):
    # omp critical
    shared_set.append(x)
    # omp end critical


def main():
    out = [None] * 10
    # omp parallel for num_threads(2)
    for i in range(10):
        out[i] = sqrt(i ** 2)
    print(out)

    squares = [None] * 10
    # omp parallel for
    for i in range(10):
        squares[i] = i ** 2
    print(squares)

    # omp parallel for
    for i in [1, 2, 2, 3]:
        collect(i)
    print(sorted(set(shared_set)))


main()
